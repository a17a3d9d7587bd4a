package io.helpdeskverify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Slack Web API, Google's OAuth token endpoint, FCM HTTP v1 and Twilio's Messages API on
 * 127.0.0.1, on the JDK's own HTTP server (WireMock's templating cost more CPU per request than the
 * bot's own work at a few hundred requests per second, and it shares the two cores with the bot).
 * Each route answers in the provider's wire format and reports what it saw to the lanes; FCM and
 * Twilio answer with the same vendor fixtures as the bot's delivery tests.
 */
final class FakeServices implements AutoCloseable {

    static final String TEAM = "T0BENCH01";
    static final String PROJECT = "hv-bench";
    static final String ACCOUNT_SID = "AC" + "b".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();
    /* The vendor fixtures the bot's delivery tests answer with (shared/fixtures, packed into the jar). */
    private static final String FCM_SENT = fixture("fcm_send_response.json");
    private static final String TWILIO_CREATED = fixture("twilio_message_create_response.json")
            .replace("AC" + "a".repeat(32), ACCOUNT_SID).replace("\"status\": \"sent\"", "\"status\": \"queued\"");
    private static final String FIXTURE_SID = "SM" + "a".repeat(32);

    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, Lane> lanesByChannel = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Lane.PushReceived>> pushesByToken = new ConcurrentHashMap<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);
    final AtomicLong requests = new AtomicLong();
    final AtomicLong smsSent = new AtomicLong();
    volatile long lastRequestNanos = System.nanoTime();

    FakeServices(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        pool = Executors.newFixedThreadPool(threads, r -> {
            var t = new Thread(r, "fake-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/api/", this::slackMethod);
        server.createContext("/response/", ex -> answer(ex, 200, "text/plain", "ok"));
        server.createContext("/token", ex -> answer(ex, 200, "application/json",
                "{\"access_token\":\"fake-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        server.createContext("/v1/projects/", this::fcmSend);
        server.createContext("/2010-04-01/", this::twilioSend);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void register(Lane lane) {
        lanesByChannel.put(lane.channel, lane);
    }

    /** The next push to this device token goes to {@code onPush} (once). */
    void expectPush(String fcmToken, Consumer<Lane.PushReceived> onPush) {
        pushesByToken.put(fcmToken, onPush);
    }

    private void slackMethod(HttpExchange ex) throws IOException {
        long now = seen();
        String method = ex.getRequestURI().getPath().substring("/api/".length());
        String body = read(ex.getRequestBody());
        switch (method) {
            case "auth.test" -> answer(ex, 200, "application/json", """
                    {"ok":true,"url":"https://bench.slack.com/","team":"Bench","user":"helpdesk","team_id":"%s",\
                    "user_id":"UBENCHBOT","bot_id":"BBENCH01"}""".formatted(TEAM));
            case "chat.postMessage", "chat.update" -> {
                Map<String, String> form = form(body);
                String channel = form.getOrDefault("channel", "");
                String messageTs = "chat.update".equals(method) ? form.getOrDefault("ts", "") : nextTs();
                answer(ex, 200, "application/json",
                        "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + messageTs + "\"}");
                Lane lane = lanesByChannel.get(channel);
                String blocks = form.getOrDefault("blocks", "");
                if (lane != null && blocks.contains("hv_")) {
                    if ("chat.update".equals(method)) {
                        lane.offer(new Lane.CardUpdated(messageTs, blocks.contains("hv_approve"), !blocks.contains("hv_cancel"), now));
                    } else if (!form.containsKey("thread_ts")) {
                        lane.offer(new Lane.CardPosted(messageTs, cancelValue(blocks), now));
                    }
                }
            }
            case "chat.postEphemeral" -> answer(ex, 200, "application/json", "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}");
            default -> answer(ex, 200, "application/json", "{\"ok\":false,\"error\":\"unknown_method\"}");
        }
    }

    private void fcmSend(HttpExchange ex) throws IOException {
        long now = seen();
        JsonNode message = JSON.readTree(ex.getRequestBody()).path("message");
        answer(ex, 200, "application/json", FCM_SENT);
        var handler = pushesByToken.remove(message.path("token").asText());
        if (handler != null) {
            JsonNode data = message.path("data");
            handler.accept(new Lane.PushReceived(data.path("challengeId").asText(), data.path("verificationId").asText(), now));
        }
    }

    private void twilioSend(HttpExchange ex) throws IOException {
        seen();
        read(ex.getRequestBody());
        smsSent.incrementAndGet();
        String sid = "SM" + String.format("%032x", ts.incrementAndGet());
        answer(ex, 201, "application/json", TWILIO_CREATED.replace(FIXTURE_SID, sid));
    }

    private long seen() {
        long now = System.nanoTime();
        requests.incrementAndGet();
        lastRequestNanos = now;
        return now;
    }

    private String nextTs() {
        long v = ts.incrementAndGet();
        return (v / 1_000_000) + "." + String.format("%06d", v % 1_000_000);
    }

    /* The Cancel button carries the verification id; the card always has it while open. */
    private static String cancelValue(String blocks) throws IOException {
        for (JsonNode block : JSON.readTree(blocks)) {
            for (JsonNode element : block.path("elements")) {
                if ("hv_cancel".equals(element.path("action_id").asText())) {
                    return element.path("value").asText();
                }
            }
        }
        return "";
    }

    private static Map<String, String> form(String body) {
        var out = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String fixture(String name) {
        try (InputStream in = FakeServices.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixtures/" + name + " is not in the jar: build with ./mvnw -Pbench package");
            }
            return read(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
