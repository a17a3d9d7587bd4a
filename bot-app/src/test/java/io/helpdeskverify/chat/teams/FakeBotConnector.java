package io.helpdeskverify.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Bot Connector on 127.0.0.1 speaking the real wire format: {@code POST /v3/conversations}
 * (a new channel post, or a one-to-one chat), {@code POST /v3/conversations/{id}/activities[/{replyTo}]}
 * and {@code PUT /v3/conversations/{id}/activities/{activityId}}; it can answer 429 and friends.
 */
final class FakeBotConnector implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .globalTemplating(true).notifier(new ConsoleNotifier(false)));

    FakeBotConnector() {
        server.start();
        reset();
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    void reset() {
        server.resetAll();
        // A one-to-one chat: Teams answers with the chat's id.
        server.stubFor(post(urlPathEqualTo("/v3/conversations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$[?(@.isGroup == false)]"))
                .willReturn(json("{\"id\":\"a:personal-{{jsonPath request.body '$.members[0].id'}}\"}")));
        // A new post in a channel: its conversation is the post's own thread.
        server.stubFor(post(urlPathEqualTo("/v3/conversations")).atPriority(5)
                .willReturn(json("{\"id\":\"{{jsonPath request.body '$.channelData.channel.id'}};messageid={{randomValue length=13 type='NUMERIC'}}\","
                        + "\"activityId\":\"{{randomValue length=13 type='NUMERIC'}}\"}")));
        server.stubFor(post(urlPathMatching("/v3/conversations/[^/]+/activities(/[^/]+)?")).atPriority(5)
                .willReturn(json("{\"id\":\"{{randomValue length=13 type='NUMERIC'}}\"}")));
        server.stubFor(put(urlPathMatching("/v3/conversations/[^/]+/activities/[^/]+")).atPriority(5)
                .willReturn(json("{\"id\":\"{{request.pathSegments.[4]}}\"}")));
    }

    /** The next {@code times} card updates are answered with this status (and Retry-After, if given). */
    void failUpdates(int status, String retryAfterSeconds, int times) {
        String state = Scenario.STARTED;
        for (int i = 0; i < times; i++) {
            String next = "failed-" + (i + 1);
            var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":\"Throttled\",\"message\":\"slow down\"}}");
            if (retryAfterSeconds != null) {
                response.withHeader("Retry-After", retryAfterSeconds);
            }
            server.stubFor(put(urlPathMatching("/v3/conversations/[^/]+/activities/[^/]+")).atPriority(1)
                    .inScenario("updates").whenScenarioStateIs(state).willSetStateTo(next).willReturn(response));
            state = next;
        }
    }

    /** Answers card updates with 200 and no body at all, as some connectors do. */
    void emptyUpdateAnswers() {
        server.stubFor(put(urlPathMatching("/v3/conversations/[^/]+/activities/[^/]+")).atPriority(2)
                .willReturn(aResponse().withStatus(200)));
    }

    /** The next {@code times} sends (POST of an activity) are answered with this status. */
    void failSends(int status, int times) {
        String state = Scenario.STARTED;
        for (int i = 0; i < times; i++) {
            String next = "send-failed-" + (i + 1);
            server.stubFor(post(urlPathMatching("/v3/conversations/[^/]+/activities(/[^/]+)?")).atPriority(1)
                    .inScenario("sends").whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(aResponse().withStatus(status).withBody("Bad Gateway")));
            state = next;
        }
    }

    /** Everything received so far, oldest first. */
    List<Call> calls() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).stream().map(Call::of)
                .sorted(java.util.Comparator.comparing(Call::at)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** One request the fake received, its path decoded. */
    record Call(String method, String path, JsonNode body, String authorization, java.time.Instant at) {

        static Call of(LoggedRequest r) {
            try {
                JsonNode body = r.getBodyAsString().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.getBodyAsString());
                return new Call(r.getMethod().getName(), URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8), body,
                        r.getHeader("Authorization"), r.getLoggedDate().toInstant());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The Adaptive Card in the activity, for a new post the activity inside the parameters. */
        JsonNode card() {
            JsonNode activity = body.has("activity") ? body.get("activity") : body;
            return activity.path("attachments").path(0).path("content");
        }

        String text() {
            JsonNode activity = body.has("activity") ? body.get("activity") : body;
            return activity.path("text").asText("");
        }

        boolean isNewConversation() {
            return "POST".equals(method) && path.equals("/v3/conversations");
        }

        boolean isUpdate() {
            return "PUT".equals(method);
        }

        boolean isSend() {
            return "POST".equals(method) && path.startsWith("/v3/conversations/");
        }
    }
}
