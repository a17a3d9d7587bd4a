package io.helpdeskverify.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.playground.PlaygroundHub.TeamsActivity;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Teams pane's outgoing side: Bot Framework activities as Teams would send them to
 * {@code /api/messages}, with a {@code serviceUrl} that is the playground's fake connector.
 * The playground bot runs without an app id, as the Bot Framework Emulator does.
 */
@RestController
@Profile("local")
class TeamsPane {

    static final String TENANT = "00000000-0000-4000-8000-00000000feed";
    static final String TEAM = "19:playground-team@thread.tacv2";
    static final String CHANNEL = "19:playground-helpdesk@thread.tacv2";
    static final String BOT = "28:helpdesk-verify-playground";

    private final Loopback loopback;
    private final PlaygroundHub hub;
    private final ObjectMapper json;

    TeamsPane(Loopback loopback, PlaygroundHub hub, ObjectMapper json) {
        this.loopback = loopback;
        this.hub = hub;
        this.json = json;
    }

    /** A new post in the channel mentioning the bot: it starts its own thread, as in Teams. */
    @PostMapping("/playground/teams/message")
    ResponseEntity<JsonNode> message(@RequestBody MessageInput in) {
        String id = hub.nextId();
        String conversation = CHANNEL + ";messageid=" + id;
        ObjectNode activity = base("message", id, conversation, in.userId(), in.userName());
        activity.put("text", "<at>Helpdesk Verify</at> " + (in.text() == null ? "" : in.text()));
        activity.put("textFormat", "plain");
        var mention = activity.putArray("entities").addObject();
        mention.put("type", "mention").put("text", "<at>Helpdesk Verify</at>");
        mention.putObject("mentioned").put("id", BOT).put("name", "Helpdesk Verify");
        hub.addTeams(new TeamsActivity(conversation, id, "", activity, Instant.now()));
        return forward(activity);
    }

    /** Action.Execute on a card (verbs hv_approve, hv_deny, hv_cancel, refresh, picker choices). */
    @PostMapping("/playground/teams/invoke")
    ResponseEntity<JsonNode> invoke(@RequestBody InvokeInput in) {
        ObjectNode activity = base("invoke", hub.nextId(), in.conversationId(), in.userId(), in.userName());
        activity.put("name", "adaptiveCard/action");
        activity.put("replyToId", in.activityId());
        var value = activity.putObject("value");
        var action = value.putObject("action");
        action.put("type", "Action.Execute").put("verb", in.verb());
        action.set("data", in.data() == null ? json.createObjectNode() : in.data());
        value.put("trigger", "refresh".equals(in.verb()) ? "automatic" : "manual");
        return forward(activity);
    }

    private ObjectNode base(String type, String id, String conversation, String userId, String userName) {
        ObjectNode a = json.createObjectNode();
        a.put("type", type).put("id", id).put("channelId", "msteams").put("timestamp", Instant.now().toString())
                .put("serviceUrl", loopback.baseUrl() + "/playground/teams/").put("locale", "en-US");
        a.putObject("from").put("id", userId).put("name", userName).put("aadObjectId", userId.replace("29:", ""));
        a.putObject("recipient").put("id", BOT).put("name", "Helpdesk Verify");
        a.putObject("conversation").put("id", conversation).put("conversationType", "channel").put("isGroup", true)
                .put("tenantId", TENANT);
        var channelData = a.putObject("channelData");
        channelData.put("teamsChannelId", CHANNEL).put("teamsTeamId", TEAM);
        channelData.putObject("channel").put("id", CHANNEL);
        channelData.putObject("team").put("id", TEAM);
        channelData.putObject("tenant").put("id", TENANT);
        return a;
    }

    private ResponseEntity<JsonNode> forward(ObjectNode activity) {
        var response = loopback.post("/api/messages", activity.toString(), "application/json", Map.of());
        var result = json.createObjectNode().put("status", response.statusCode());
        try {
            result.set("body", response.body() == null || response.body().isBlank() ? null : json.readTree(response.body()));
        } catch (java.io.IOException e) {
            result.put("body", response.body());
        }
        return ResponseEntity.ok(result);
    }

    record MessageInput(String text, String userId, String userName) {}

    record InvokeInput(String conversationId, String activityId, String verb, JsonNode data, String userId,
                       String userName) {}
}
