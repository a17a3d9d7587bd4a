package io.helpdeskverify.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import io.helpdeskverify.testsupport.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests to {@code POST /slack/events} built the way Slack builds them: the slash command form
 * and the block_actions payload shaped after the shared fixtures, signed with v0 HMAC-SHA256 over
 * {@code v0:timestamp:body} by the SDK's own generator.
 */
final class SlackRequests {

    static final String SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;

    SlackRequests(int port) {
        this.endpoint = "http://127.0.0.1:" + port + "/slack/events";
    }

    /** The fixture's slash command with our command, text, channel, user and response_url. */
    static String slashCommand(String text, String channel, String userId, String userName, String responseUrl) {
        return slashCommand(FakeSlack.TEAM, text, channel, userId, userName, responseUrl);
    }

    static String slashCommand(String team, String text, String channel, String userId, String userName,
                               String responseUrl) {
        var form = new LinkedHashMap<String, String>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", team);
        form.put("team_domain", "example");
        form.put("channel_id", channel);
        form.put("channel_name", "helpdesk");
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", "/verify");
        form.put("text", text);
        form.put("response_url", responseUrl);
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        form.put("api_app_id", "A123456");
        return encode(form);
    }

    /** A slash command from a Slack Connect guest: the request is for our workspace, the user belongs to {@code userTeam}. */
    static String slashCommandFromGuest(String userTeam, String text, String channel, String userId, String userName,
                                        String responseUrl) {
        return slashCommand(text, channel, userId, userName, responseUrl) + "&user_team="
                + URLEncoder.encode(userTeam, StandardCharsets.UTF_8);
    }

    /** A click by a Slack Connect guest: {@code team.id} is our workspace, {@code user.team_id} theirs. */
    static String blockActionFromGuest(String userTeam, String actionId, String value, String channel, String messageTs,
                                       String userId, String userName, String responseUrl) {
        try {
            String body = blockAction(actionId, value, channel, messageTs, userId, userName, responseUrl);
            var payload = (ObjectNode) JSON.readTree(java.net.URLDecoder.decode(body.substring("payload=".length()),
                    StandardCharsets.UTF_8));
            ((ObjectNode) payload.get("user")).put("team_id", userTeam);
            return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's block_actions payload, clicking {@code actionId} with {@code value} on a message in {@code channel}. */
    static String blockAction(String actionId, String value, String channel, String messageTs, String userId,
                              String userName, String responseUrl) {
        return blockAction(FakeSlack.TEAM, actionId, value, channel, messageTs, userId, userName, responseUrl);
    }

    static String blockAction(String team, String actionId, String value, String channel, String messageTs,
                              String userId, String userName, String responseUrl) {
        try {
            var payload = (ObjectNode) JSON.readTree(Files.readString(fixture("slack_block_actions_payload_official.json")));
            payload.remove("_comment");
            ((ObjectNode) payload.get("team")).put("id", team);
            var user = (ObjectNode) payload.get("user");
            user.put("id", userId).put("username", userName).put("name", userName).put("team_id", team);
            var container = JSON.createObjectNode().put("type", "message").put("message_ts", messageTs)
                    .put("channel_id", channel).put("is_ephemeral", false);
            payload.set("container", container);
            ((ObjectNode) payload.get("channel")).put("id", channel);
            ((ObjectNode) payload.get("message")).put("ts", messageTs);
            payload.put("response_url", responseUrl);
            var action = (ObjectNode) payload.get("actions").get(0);
            action.put("action_id", actionId).put("block_id", "hv_actions").put("value", value);
            return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return send(body, timestamp, new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body));
    }

    HttpResponse<String> send(String body, String timestamp, String signature) {
        var b = HttpRequest.newBuilder(URI.create(endpoint)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (timestamp != null) {
            b.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            b.header("X-Slack-Signature", signature);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path fixture(String name) {
        return SharedFiles.fixture(name);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
