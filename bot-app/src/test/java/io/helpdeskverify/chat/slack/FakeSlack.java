package io.helpdeskverify.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Slack Web API on 127.0.0.1 that speaks Slack's wire format: form-encoded method calls under
 * {@code /api/}, JSON answers with {@code ok}, response_url posts under {@code /response/}, and on
 * demand {@code 429} with {@code Retry-After}. One per test JVM (the Spring context that points at
 * it is shared); tests tell their calls apart by channel.
 */
final class FakeSlack {

    static final String TEAM = "T0001";
    static final String BOT_USER = "UBOT0001";
    private static final FakeSlack INSTANCE = new FakeSlack();

    private final WireMockServer server;

    private FakeSlack() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true)
                .containerThreads(40).asynchronousResponseEnabled(false));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        stubDefaults();
    }

    static FakeSlack get() {
        return INSTANCE;
    }

    String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    /** A response_url as Slack would send it, unique per request. */
    String responseUrl() {
        return server.baseUrl() + "/response/" + UUID.randomUUID();
    }

    private void stubDefaults() {
        server.stubFor(post(urlEqualTo("/api/auth.test")).atPriority(10).willReturn(json("""
                {"ok":true,"url":"https://example.slack.com/","team":"Example","user":"helpdesk","team_id":"%s",
                 "user_id":"%s","bot_id":"B0001"}""".formatted(TEAM, BOT_USER))));
        // The ts is unique per message, as Slack's are; the channel is echoed back.
        String message = """
                {"ok":true,"channel":"{{formData request.body 'f' urlDecode=true}}{{f.channel}}",
                 "ts":"{{now format='epoch'}}.{{randomValue length=6 type='NUMERIC'}}"}""";
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(10).willReturn(json(message)));
        server.stubFor(post(urlEqualTo("/api/chat.update")).atPriority(10).willReturn(json(message)));
        server.stubFor(post(urlEqualTo("/api/chat.postEphemeral")).atPriority(10).willReturn(json("""
                {"ok":true,"message_ts":"{{now format='epoch'}}.{{randomValue length=6 type='NUMERIC'}}"}""")));
        // No user group has members unless a test says so (userGroup).
        server.stubFor(post(urlEqualTo("/api/usergroups.users.list")).atPriority(10)
                .willReturn(json("{\"ok\":true,\"users\":[]}")));
        server.stubFor(post(urlPathMatching("/response/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    /** {@code apps.connections.open} hands out this WebSocket address (Socket Mode). */
    void socketModeAt(String webSocketUrl) {
        server.stubFor(post(urlEqualTo("/api/apps.connections.open")).atPriority(1)
                .willReturn(json("{\"ok\":true,\"url\":\"" + webSocketUrl + "\"}")));
    }

    int socketModeOpens() {
        return server.findAll(postRequestedFor(urlEqualTo("/api/apps.connections.open"))).size();
    }

    /** The next {@code times} chat.update calls of this channel get 429 with {@code Retry-After: 1}. */
    void rateLimitUpdates(String channel, int times) {
        rateLimit("chat.update", channel, times);
    }

    /** The next {@code times} calls of this Web API method in this channel get 429 with {@code Retry-After: 1}. */
    void rateLimit(String method, String channel, int times) {
        for (int i = 0; i < times; i++) {
            server.stubFor(post(urlEqualTo("/api/" + method)).atPriority(1)
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("channel=" + channel))
                    .inScenario("429-" + method + "-" + channel)
                    .whenScenarioStateIs(i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "served-" + i)
                    .willSetStateTo("served-" + (i + 1))
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        }
    }

    /** usergroups.users.list for this group answers these members, as Slack does with usergroups:read. */
    void userGroup(String groupId, String... members) {
        String users = java.util.Arrays.stream(members).map(m -> "\"" + m + "\"").collect(java.util.stream.Collectors.joining(","));
        server.stubFor(post(urlEqualTo("/api/usergroups.users.list")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("usergroup=" + groupId))
                .willReturn(json("{\"ok\":true,\"users\":[" + users + "]}")));
    }

    /** How often the bot asked Slack for this group's members. */
    long userGroupLookups(String groupId) {
        return allCalls("usergroups.users.list").stream().filter(c -> groupId.equals(c.form().get("usergroup"))).count();
    }

    /** chat.postMessage in this channel answers not_in_channel, as Slack does for a channel the bot is not in. */
    void notInChannel(String channel) {
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("channel=" + channel))
                .willReturn(json("{\"ok\":false,\"error\":\"not_in_channel\"}")));
    }

    List<Call> calls(String method, String channel) {
        return allCalls(method).stream().filter(c -> channel.equals(c.form().get("channel"))).toList();
    }

    /** Oldest first, with what the fake answered. */
    List<Call> allCalls(String method) {
        var events = new java.util.ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream().filter(e -> e.getRequest().getUrl().equals("/api/" + method))
                .map(e -> call(e.getRequest(), e.getResponse().getBodyAsString(), e.getResponse().getStatus())).toList();
    }

    /** JSON bodies posted to response_urls, in order. */
    List<String> responses(String responseUrl) {
        String path = responseUrl.substring(server.baseUrl().length());
        return server.findAll(postRequestedFor(urlEqualTo(path))).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    private static Call call(LoggedRequest r, String responseBody, int status) {
        var form = new LinkedHashMap<String, String>();
        for (String pair : r.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        var ts = java.util.regex.Pattern.compile("\"ts\":\"([^\"]+)\"").matcher(responseBody == null ? "" : responseBody);
        return new Call(r.getLoggedDate().toInstant(), form, ts.find() ? ts.group(1) : "", status);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    /** One Web API call as the fake received it. */
    record Call(Instant at, Map<String, String> form, String answeredTs, int status) {
        String text() {
            return form.getOrDefault("text", "");
        }

        String blocks() {
            return form.getOrDefault("blocks", "");
        }

        String all() {
            return text() + "\n" + blocks();
        }
    }
}
