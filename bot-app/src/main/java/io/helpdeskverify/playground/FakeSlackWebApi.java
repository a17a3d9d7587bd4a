package io.helpdeskverify.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.playground.PlaygroundHub.SlackMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.RestController;

/**
 * The playground's Slack workspace: the Web API methods the bot calls, on the wire format the Slack
 * SDK speaks (form or JSON in, {@code {"ok":…}} out). The bot reaches it through SLACK_API_URL only.
 */
@RestController
@Profile("local")
class FakeSlackWebApi {

    static final String TEAM = "T0PLAYGRND";
    static final String BOT_USER = "U0HVBOT";
    /** The playground's one Slack user group, "@helpdesk". */
    static final String PLAYGROUND_USER_GROUP = "S0HELPDESK";
    /** The people of the page's "as" menu, as users.info names them. */
    private static final Map<String, String> PEOPLE = Map.of("U0TINA", "Tina Tech", "U0OSCAR", "Oscar Other");
    private static final Logger log = LoggerFactory.getLogger(FakeSlackWebApi.class);

    private final PlaygroundHub hub;
    private final ObjectMapper json;

    FakeSlackWebApi(PlaygroundHub hub, ObjectMapper json) {
        this.hub = hub;
        this.json = json;
    }

    @PostMapping(path = "/playground/slack/api/{method}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode form(@PathVariable String method, @RequestParam Map<String, String> params) {
        return call(method, json.valueToTree(params));
    }

    @PostMapping(path = "/playground/slack/api/{method}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode json(@PathVariable String method, @RequestBody JsonNode body) {
        return call(method, body);
    }

    /** Where the bot's response_url replies land (ephemeral by default, as in Slack). */
    @PostMapping(path = "/playground/slack/response/{channel}/{user}", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode responseUrl(@PathVariable String channel, @PathVariable String user, @RequestBody JsonNode body) {
        boolean inChannel = "in_channel".equals(body.path("response_type").asText());
        hub.addSlack(new SlackMessage(channel, hub.nextTs(), "", inChannel ? "" : user, body.path("text").asText(""),
                blocks(body.get("blocks")), Instant.now()));
        return json.createObjectNode().put("ok", true);
    }

    private JsonNode call(String method, JsonNode p) {
        ObjectNode ok = json.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> ok.put("url", "https://playground.slack.local/").put("team", "Playground")
                    .put("user", "helpdesk-verify").put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", "B0HVBOT");
            case "chat.postMessage" -> {
                String ts = hub.nextTs();
                String channel = p.path("channel").asText();
                hub.addSlack(new SlackMessage(channel, ts, p.path("thread_ts").asText(""), "", p.path("text").asText(""),
                        blocks(p.get("blocks")), Instant.now()));
                ok.put("channel", channel).put("ts", ts).set("message", json.createObjectNode().put("ts", ts));
            }
            case "users.info" -> {
                String id = p.path("user").asText();
                String name = PEOPLE.getOrDefault(id, id);
                var user = ok.putObject("user").put("id", id).put("name", id.toLowerCase()).put("real_name", name);
                user.putObject("profile").put("real_name", name).put("display_name", name);
            }
            case "chat.update" -> {
                String channel = p.path("channel").asText();
                String ts = p.path("ts").asText();
                var existing = hub.slackMessage(channel, ts);
                if (existing.isEmpty()) {
                    return json.createObjectNode().put("ok", false).put("error", "message_not_found");
                }
                var m = existing.get();
                hub.replaceSlack(m, new SlackMessage(m.channel(), m.ts(), m.threadTs(), m.visibleTo(),
                        p.path("text").asText(m.text()), p.has("blocks") ? blocks(p.get("blocks")) : m.blocks(), Instant.now()));
                ok.put("channel", channel).put("ts", ts);
            }
            case "chat.postEphemeral" -> {
                String ts = hub.nextTs();
                hub.addSlack(new SlackMessage(p.path("channel").asText(), ts, p.path("thread_ts").asText(""),
                        p.path("user").asText(), p.path("text").asText(""), blocks(p.get("blocks")), Instant.now()));
                ok.put("message_ts", ts);
            }
            // Access policies may name this group (docs/access.md): Tina is in the help desk group, Oscar is not.
            case "usergroups.users.list" -> {
                var users = ok.putArray("users");
                if (PLAYGROUND_USER_GROUP.equals(p.path("usergroup").asText())) {
                    users.add("U0TINA");
                }
            }
            default -> log.info("Playground Slack: '{}' is not simulated; answered ok", method);
        }
        return ok;
    }

    /** The SDK sends blocks as a JSON string in forms and as an array in JSON bodies. */
    private JsonNode blocks(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return json.createArrayNode();
        }
        if (raw.isTextual()) {
            try {
                return json.readTree(raw.asText());
            } catch (IOException e) {
                return json.createArrayNode();
            }
        }
        return raw;
    }
}
