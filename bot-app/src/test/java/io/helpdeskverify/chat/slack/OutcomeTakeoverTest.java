package io.helpdeskverify.chat.slack;

import io.helpdeskverify.verification.store.VerificationKeys;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.VerificationService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one Redis. The card is posted by B; the user's approval arrives at A, whose Slack
 * calls hang (a Slack that answers nothing but auth.test), and A goes away before any of them
 * returns: everything A held in memory, the card update and the outcome's audit reply, is lost
 * with it. B must find the unshown outcome in Redis, repaint the card and post the audit reply,
 * each once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeTakeoverTest {

    private final FakeSlack fake = FakeSlack.get();
    private final WireMockServer hangingSlack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeAll
    void start() {
        hangingSlack.start();
        hangingSlack.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(120_000).withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"ts\":\"1.000001\"}")));
        hangingSlack.stubFor(post(urlEqualTo("/api/auth.test")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"ok":true,"url":"https://example.slack.com/","team":"Example","user":"helpdesk",
                         "team_id":"T0001","user_id":"U0BOT","bot_id":"B0001"}""")));
        // B owns the embedded Redis: A goes away during the test, Redis must not go with it.
        b = instance(fake.apiUrl(), "--helpdesk.test.isolated-context=outcome-takeover-b");
        int redisPort = b.getBean(redis.embedded.RedisServer.class).ports().get(0);
        a = instance(hangingSlack.baseUrl() + "/api/", "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                "--helpdesk.demo-data.enabled=false", "--helpdesk.test.isolated-context=outcome-takeover-a");
    }

    @AfterAll
    void stop() {
        if (a != null && a.isActive()) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        hangingSlack.stop();
    }

    private ConfigurableApplicationContext instance(String slackApi, String... more) {
        var args = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0",
                "--helpdesk.slack.bot-token=xoxb-test-token", "--helpdesk.slack.signing-secret=" + SlackRequests.SIGNING_SECRET,
                "--helpdesk.slack.api-url=" + slackApi, "--helpdesk.chat.outcome-sweep=500ms"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(HelpdeskVerifyApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @Test
    void anOutcomeLeftUnshownByAnInstanceThatWentAwayIsShownByTheOtherOnce() {
        var apiA = new Api(port(a));
        var user = new Fixtures(apiA).userWithApp();
        String channel = SlackTestBase.channel();
        var command = new SlackRequests(port(b)).send(SlackRequests.slashCommand(user.username() + "@acme --push",
                channel, "UTINA", "tina", fake.responseUrl()));
        assertThat(command.statusCode()).isEqualTo(200);
        var card = await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.blocks().contains("hv_header")).findFirst(), java.util.Optional::isPresent).get();
        String id = SlackTestBase.verificationId(card);

        // The user approves; A stores VERIFIED, and its card update and audit reply hang in A's memory.
        JsonNode challenge = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode c : apiA.send("GET", "/api/v1/devices/" + user.deviceId() + "/challenges", null, null,
                    user.deviceSecret(), Map.of()).json()) {
                if (c.path("verificationId").asText().equals(id)) {
                    return c;
                }
            }
            return null;
        }, c -> c != null);
        var answer = apiA.send("POST", "/api/v1/challenges/" + challenge.get("challengeId").asText() + "/response",
                "{\"decision\":\"approve\"}", "application/json", user.deviceSecret(), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var service = b.getBean(VerificationService.class);
        assertThat(service.find(id).orElseThrow().state()).isEqualTo(State.VERIFIED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !hangingSlack.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/chat.update"))).isEmpty());
        var redis = b.getBean(org.springframework.data.redis.core.StringRedisTemplate.class);
        assertThat(redis.opsForZSet().score(VerificationKeys.unpublished(id), id)).as("the unshown outcome, in Redis").isNotNull();
        a.close();
        hangingSlack.stop();

        var verified = await().atMost(Duration.ofSeconds(90)).until(() -> fake.calls("chat.update", channel).stream()
                .filter(c -> c.blocks().contains("Verified")).toList(), l -> !l.isEmpty());
        var reply = await().atMost(Duration.ofSeconds(90)).until(() -> fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.form().containsKey("thread_ts") && c.all().contains("Verified")).toList(), l -> !l.isEmpty());

        // Once each, even after the next sweeps.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(fake.calls("chat.update", channel).stream().filter(c -> c.blocks().contains("Verified"))).hasSize(1);
        assertThat(fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.form().containsKey("thread_ts") && c.all().contains("Verified"))).hasSize(1);
        assertThat(verified.get(0).form().get("ts")).isEqualTo(card.answeredTs());
        assertThat(reply.get(0).all()).contains("Test " + user.username());
    }
}
