package io.helpdeskverify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Everything the bench sends the bot, as Slack, the mobile app and an admin would: slash commands
 * and block_actions signed with the SDK's own v0 generator, device answers with the device secret,
 * admin calls with the bearer token.
 */
final class BotClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    /* One per bot instance: requests go to each in turn, as a round-robin load balancer sends them. */
    private final List<String> bases;
    private final AtomicInteger turn = new AtomicInteger();
    private final String adminToken;
    private final SlackSignature.Generator signer;
    private final String responseBase;

    BotClient(int port, String adminToken, String signingSecret, String fakeBase) {
        this(List.of(port), adminToken, signingSecret, fakeBase);
    }

    /** Every request to the next of {@code ports} in turn, so consecutive steps of one verification meet different instances. */
    BotClient(List<Integer> ports, String adminToken, String signingSecret, String fakeBase) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    var t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).build();
        this.bases = ports.stream().map(p -> "http://127.0.0.1:" + p).toList();
        this.adminToken = adminToken;
        this.signer = new SlackSignature.Generator(signingSecret);
        this.responseBase = fakeBase + "/response/";
    }

    /** Signed {@code /verify <text>}; returns the HTTP status (the ack). */
    int slashCommand(String text, String channel, String userId, String userName) {
        var form = new LinkedHashMap<String, String>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", FakeServices.TEAM);
        form.put("team_domain", "bench");
        form.put("channel_id", channel);
        form.put("channel_name", "helpdesk");
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", "/verify");
        form.put("text", text);
        form.put("response_url", responseBase + channel + "/" + System.nanoTime());
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        form.put("api_app_id", "A0BENCH01");
        return slack(encode(form)).statusCode();
    }

    /** Signed block_actions click on the card (after the official payload example). */
    int click(String actionId, String verificationId, String channel, String messageTs, String userId, String userName) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions");
        p.putObject("team").put("id", FakeServices.TEAM).put("domain", "bench");
        p.putObject("user").put("id", userId).put("username", userName).put("name", userName).put("team_id", FakeServices.TEAM);
        p.put("api_app_id", "A0BENCH01").put("token", "9s8d9as89d8as9d8as989");
        p.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channel)
                .put("is_ephemeral", false);
        p.put("trigger_id", "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3");
        p.putObject("channel").put("id", channel).put("name", "helpdesk");
        p.putObject("message").put("type", "message").put("ts", messageTs).put("text", "Verification");
        p.put("response_url", responseBase + channel + "/" + System.nanoTime());
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "hv_actions").put("value", verificationId).put("type", "button")
                .put("action_ts", Instant.now().getEpochSecond() + ".000100");
        action.putObject("text").put("type", "plain_text").put("text", "Approve");
        return slack("payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8)).statusCode();
    }

    /** The instance the next request goes to. */
    private String base() {
        return bases.get(Math.floorMod(turn.getAndIncrement(), bases.size()));
    }

    private HttpResponse<String> slack(String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return send(HttpRequest.newBuilder(URI.create(base() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signer.generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    int ping() {
        return send(HttpRequest.newBuilder(URI.create(base() + "/ping")).GET().build()).statusCode();
    }

    /** The mobile app's answer to a challenge, authenticated by the device secret. */
    int answer(String challengeId, String deviceSecret, String decision) {
        return send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/challenges/" + challengeId + "/response"))
                .header("Authorization", "Bearer " + deviceSecret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"" + decision + "\"}")).build()).statusCode();
    }

    JsonNode admin(String method, String path, String contentType, String body, int expected) {
        var b = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + adminToken);
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        var r = send(b.build());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r.body());
    }

    JsonNode enrolDevice(String enrolmentToken, String fcmToken) {
        var r = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/devices")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"enrolmentToken":"%s","fcmToken":"%s","platform":"android","notificationsEnabled":true}"""
                        .formatted(enrolmentToken, fcmToken))).build());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("enrolment answered " + r.statusCode() + ": " + r.body());
        }
        return json(r.body());
    }

    int get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().timeout(Duration.ofSeconds(2)).build()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
