package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.VerificationService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Graceful shutdown (what SIGTERM does): a card state change this instance holds, waiting out
 * Slack's 429, is sent before the instance goes, not left in its memory. The only instance, so
 * nobody else would repaint the card.
 */
class ShutdownHandOverTest {

    private final FakeSlack fake = FakeSlack.get();
    private ConfigurableApplicationContext instance;

    @AfterEach
    void stop() {
        if (instance != null && instance.isActive()) {
            instance.close();
        }
    }

    @Test
    void aCardUpdateWaitingOutA429IsSentBeforeTheInstanceStops() {
        instance = new SpringApplicationBuilder(HelpdeskVerifyApplication.class).run("--spring.profiles.active=test",
                "--server.port=0", "--helpdesk.slack.bot-token=xoxb-test-token",
                "--helpdesk.slack.signing-secret=" + SlackRequests.SIGNING_SECRET, "--helpdesk.slack.api-url=" + fake.apiUrl(),
                "--helpdesk.chat.hand-over=10s", "--helpdesk.test.isolated-context=shutdown-hand-over");
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        var api = new Api(port);
        var user = new Fixtures(api).userWithApp();
        String channel = SlackTestBase.channel();
        var command = new SlackRequests(port).send(SlackRequests.slashCommand(user.username() + "@acme --push",
                channel, "UTINA", "tina", fake.responseUrl()));
        assertThat(command.statusCode()).isEqualTo(200);
        var card = await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.blocks().contains("hv_header")).findFirst(), java.util.Optional::isPresent).get();
        String id = SlackTestBase.verificationId(card);
        JsonNode challenge = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode c : api.send("GET", "/api/v1/devices/" + user.deviceId() + "/challenges", null, null,
                    user.deviceSecret(), Map.of()).json()) {
                if (c.path("verificationId").asText().equals(id)) {
                    return c;
                }
            }
            return null;
        }, c -> c != null);

        // The next card update in this channel gets 429 Retry-After: 1, so the repaint waits in memory.
        fake.rateLimitUpdates(channel, 1);
        var answer = api.send("POST", "/api/v1/challenges/" + challenge.get("challengeId").asText() + "/response",
                "{\"decision\":\"approve\"}", "application/json", user.deviceSecret(), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(instance.getBean(VerificationService.class).find(id).orElseThrow().state()).isEqualTo(State.VERIFIED);
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.calls("chat.update", channel).stream()
                .anyMatch(c -> c.status() == 429));
        assertThat(verifiedUpdates(channel)).as("still waiting out the 429").isZero();

        instance.close();

        assertThat(verifiedUpdates(channel)).as("sent before the instance stopped").isEqualTo(1);
    }

    private long verifiedUpdates(String channel) {
        return fake.calls("chat.update", channel).stream()
                .filter(c -> c.status() == 200 && c.blocks().contains("Verified")).count();
    }
}
