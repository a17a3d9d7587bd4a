package io.helpdeskverify.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import io.helpdeskverify.playground.PlaygroundHub.SlackMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Slack pane's outgoing side: turns what the page typed or clicked into the slash-command and
 * block_actions requests Slack would send, signed with the signing secret, to {@code /slack/events}.
 */
@RestController
@Profile("local")
class SlackPane {

    static final String CHANNEL = "C0HELPDESK";
    static final String CHANNEL_NAME = "helpdesk";

    private final Loopback loopback;
    private final PlaygroundHub hub;
    private final ObjectMapper json;
    private final SlackSignature.Generator signer;

    SlackPane(Loopback loopback, PlaygroundHub hub, ObjectMapper json,
              @Value("${helpdesk.slack.signing-secret}") String signingSecret) {
        this.loopback = loopback;
        this.hub = hub;
        this.json = json;
        this.signer = new SlackSignature.Generator(signingSecret);
    }

    @PostMapping("/playground/slack/command")
    ResponseEntity<JsonNode> command(@RequestBody CommandInput in) {
        String text = in.text() == null ? "" : in.text().strip();
        String command = "/verify";
        if (text.startsWith("/")) {
            int space = text.indexOf(' ');
            command = space < 0 ? text : text.substring(0, space);
            text = space < 0 ? "" : text.substring(space + 1).strip();
        }
        // What the channel shows for a slash command: nothing is posted, but the pane echoes it for the reader.
        hub.addSlack(new SlackMessage(CHANNEL, hub.nextTs(), "", in.userId(), command + " " + text,
                json.createArrayNode(), Instant.now()));
        var form = new LinkedHashMap<String, String>();
        form.put("token", "playground-verification-token");
        form.put("team_id", FakeSlackWebApi.TEAM);
        form.put("team_domain", "playground");
        form.put("channel_id", CHANNEL);
        form.put("channel_name", CHANNEL_NAME);
        form.put("user_id", in.userId());
        form.put("user_name", in.userName());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0HELPDESK");
        form.put("response_url", responseUrl(in.userId()));
        form.put("trigger_id", hub.nextId() + ".playground");
        var result = send(encode(form));
        showAckReply(result.getBody(), in.userId());
        return result;
    }

    @PostMapping("/playground/slack/action")
    ResponseEntity<JsonNode> action(@RequestBody ActionInput in) {
        ObjectNode payload = json.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("team").put("id", FakeSlackWebApi.TEAM).put("domain", "playground");
        payload.putObject("user").put("id", in.userId()).put("username", in.userName()).put("name", in.userName())
                .put("team_id", FakeSlackWebApi.TEAM);
        payload.put("api_app_id", "A0HELPDESK");
        payload.put("token", "playground-verification-token");
        payload.putObject("container").put("type", "message").put("message_ts", in.messageTs())
                .put("channel_id", CHANNEL).put("is_ephemeral", in.ephemeral());
        payload.put("trigger_id", hub.nextId() + ".playground");
        payload.putObject("channel").put("id", CHANNEL).put("name", CHANNEL_NAME);
        payload.putObject("message").put("type", "message").put("ts", in.messageTs()).put("text", "");
        payload.put("response_url", responseUrl(in.userId()));
        var action = payload.putArray("actions").addObject();
        action.put("action_id", in.actionId()).put("block_id", in.blockId() == null ? "" : in.blockId())
                .put("type", in.selected() ? "static_select" : "button").put("action_ts", hub.nextTs());
        if (in.selected()) {
            action.putObject("selected_option").put("value", in.value()).putObject("text").put("type", "plain_text")
                    .put("text", in.value());
        } else {
            action.put("value", in.value());
        }
        return send("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
    }

    private ResponseEntity<JsonNode> send(String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        var response = loopback.post("/slack/events", body, "application/x-www-form-urlencoded", Map.of(
                "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", signer.generate(timestamp, body)));
        // A slash command's synchronous answer is shown to the caller only, as Slack does.
        var result = json.createObjectNode().put("status", response.statusCode()).put("body", response.body());
        return ResponseEntity.ok(result);
    }

    /** A non-empty ack body is the command's immediate answer, visible to the caller only. */
    private void showAckReply(JsonNode result, String user) {
        String body = result.path("body").asText("");
        if (body.isBlank()) {
            return;
        }
        try {
            JsonNode reply = json.readTree(body);
            if (reply.has("text") || reply.has("blocks")) {
                hub.addSlack(new SlackMessage(CHANNEL, hub.nextTs(), "", user, reply.path("text").asText(""),
                        reply.has("blocks") ? reply.get("blocks") : json.createArrayNode(), Instant.now()));
            }
        } catch (java.io.IOException e) {
            hub.addSlack(new SlackMessage(CHANNEL, hub.nextTs(), "", user, body, json.createArrayNode(), Instant.now()));
        }
    }

    private String responseUrl(String user) {
        return loopback.baseUrl() + "/playground/slack/response/" + CHANNEL + "/" + user;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    record CommandInput(String text, String userId, String userName) {}

    record ActionInput(String messageTs, String actionId, String blockId, String value, boolean selected,
                       boolean ephemeral, String userId, String userName) {}
}
