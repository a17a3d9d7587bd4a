package io.helpdeskverify.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.playground.PlaygroundHub.TeamsActivity;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.RestController;

/**
 * The playground's Teams tenant: the Bot Connector routes the bot calls on the activity's
 * {@code serviceUrl}. Conversation ids carry {@code :}, {@code @} and {@code ;messageid=}, so the
 * path is read raw rather than through Spring's matrix-variable handling.
 */
@RestController
@Profile("local")
class FakeBotConnector {

    static final String PREFIX = "/playground/teams/v3/conversations";

    private final PlaygroundHub hub;
    private final ObjectMapper json;

    FakeBotConnector(PlaygroundHub hub, ObjectMapper json) {
        this.hub = hub;
        this.json = json;
    }

    @RequestMapping(path = {PREFIX, PREFIX + "/**"}, method = {RequestMethod.POST, RequestMethod.PUT})
    ResponseEntity<JsonNode> handle(HttpServletRequest request, @RequestBody JsonNode body) {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        if (parts.length == 0 && "POST".equals(request.getMethod())) {
            return ResponseEntity.status(201).body(createConversation(body));
        }
        if (parts.length < 2 || !parts[1].equals("activities")) {
            return ResponseEntity.status(404).body(error("NotFound", "unknown connector route " + rest));
        }
        String conversation = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        String activityId = parts.length > 2 ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : "";
        if ("PUT".equals(request.getMethod())) {
            return hub.replaceTeams(conversation, activityId, body)
                    ? ResponseEntity.ok(json.createObjectNode().put("id", activityId))
                    : ResponseEntity.status(404).body(error("ActivityNotFound", "no activity " + activityId));
        }
        String id = hub.nextId();
        hub.addTeams(new TeamsActivity(conversation, id, activityId, withId(body, id, conversation), Instant.now()));
        return ResponseEntity.status(201).body(json.createObjectNode().put("id", id));
    }

    /** A new thread in a channel: Teams answers with the thread's conversation id and the root's activity id. */
    private JsonNode createConversation(JsonNode body) {
        String channel = body.path("channelData").path("channel").path("id").asText("19:playground@thread.tacv2");
        String id = hub.nextId();
        String conversation = channel + ";messageid=" + id;
        hub.addTeams(new TeamsActivity(conversation, id, "", withId(body.path("activity"), id, conversation), Instant.now()));
        return json.createObjectNode().put("id", conversation).put("activityId", id);
    }

    private JsonNode withId(JsonNode activity, String id, String conversation) {
        var copy = activity.isObject() ? activity.deepCopy() : json.createObjectNode();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).put("id", id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).putObject("conversation").put("id", conversation);
        return copy;
    }

    private JsonNode error(String code, String message) {
        var e = json.createObjectNode();
        e.putObject("error").put("code", code).put("message", message);
        return e;
    }
}
