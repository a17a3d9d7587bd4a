package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app with Slack on, its Web API pointed at {@link FakeSlack}. Every Slack test class
 * extends this, so they share one Spring context (and one Redis). Update budgets run on a 2 s window
 * instead of a minute so the burst test takes seconds; countdown ticks every 2 s.
 */
@HelpdeskTest
abstract class SlackTestBase {

    static final String BUDGET_WINDOW = "2s";
    static final int BUDGET_MAX = 40;

    @LocalServerPort
    int port;
    Api api;
    SlackRequests slack;
    final FakeSlack fake = FakeSlack.get();

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        registry.add("helpdesk.slack.bot-token", () -> "xoxb-test-token");
        registry.add("helpdesk.slack.signing-secret", () -> SlackRequests.SIGNING_SECRET);
        registry.add("helpdesk.slack.api-url", () -> FakeSlack.get().apiUrl());
        registry.add("helpdesk.slack.update-budget.max", () -> BUDGET_MAX);
        registry.add("helpdesk.slack.update-budget.per", () -> BUDGET_WINDOW);
        registry.add("helpdesk.chat.countdown-tick", () -> "2s");
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        slack = new SlackRequests(port);
    }

    static String channel() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** Sends a signed /verify; returns its response_url. Asserts the ack came within Slack's 3 s. */
    String command(String text, String channel, String userId, String userName) {
        String responseUrl = fake.responseUrl();
        long started = System.nanoTime();
        var response = slack.send(SlackRequests.slashCommand(text, channel, userId, userName, responseUrl));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return responseUrl;
    }

    /** Presses a card button as {@code userId}; returns the click's response_url. */
    String click(String actionId, String verificationId, FakeSlack.Call card, String userId, String userName) {
        String responseUrl = fake.responseUrl();
        var response = slack.send(SlackRequests.blockAction(actionId, verificationId, card.form().get("channel"),
                card.form().getOrDefault("ts", card.answeredTs()), userId, userName, responseUrl));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return responseUrl;
    }

    /** The verification card posted in the channel (the message with blocks, not an audit thread message). */
    FakeSlack.Call awaitCard(String channel) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.blocks().contains("hv_header")).findFirst(), Optional::isPresent).get();
    }

    /** The card with its ts filled in from the fake's answer: the latest chat.update, else the post. */
    List<FakeSlack.Call> updates(String channel) {
        return fake.calls("chat.update", channel);
    }

    FakeSlack.Call awaitUpdate(String channel, String contains) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> updates(channel).stream()
                .filter(c -> c.status() == 200 && c.blocks().contains(contains)).reduce((a, b) -> b),
                Optional::isPresent).get();
    }

    static String verificationId(FakeSlack.Call card) {
        try {
            for (JsonNode block : new ObjectMapper().readTree(card.blocks())) {
                for (JsonNode element : block.path("elements")) {
                    if (element.path("action_id").asText().equals("hv_cancel")) {
                        return element.get("value").asText();
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no cancel button with the verification id: " + card.blocks());
    }

    List<String> eventTypes(String verificationId) {
        var types = new ArrayList<String>();
        for (JsonNode e : api.get("/api/v1/events?limit=10000").json()) {
            if (e.get("verificationId").asText().equals(verificationId)) {
                types.add(0, e.get("type").asText());
            }
        }
        return types;
    }
}
