package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.store.VerificationKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.VerificationService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one Redis. A issues an SMS challenge and its SMS provider takes the connection
 * and never answers; A goes away with the challenge (and its code) still in memory. B must find
 * the challenge that was stored but never sent and move the verification down its ladder (an email
 * with a new code), visibly, instead of leaving technician and user waiting for the deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsentChallengeTakeoverTest {

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket silentProvider;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeAll
    void start() throws IOException {
        silentProvider = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        var acceptor = new Thread(() -> {
            while (!silentProvider.isClosed()) {
                try {
                    held.add(silentProvider.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-provider");
        acceptor.setDaemon(true);
        acceptor.start();
        // B owns the embedded Redis: A goes away during the test, Redis must not go with it.
        b = instance("--helpdesk.test.isolated-context=unsent-b", "--helpdesk.delivery.unsent-sweep=500ms");
        int redisPort = b.getBean(redis.embedded.RedisServer.class).ports().get(0);
        a = instance("--spring.data.redis.url=redis://127.0.0.1:" + redisPort, "--helpdesk.demo-data.enabled=false",
                "--helpdesk.test.isolated-context=unsent-a", "--helpdesk.twilio.account-sid=AC00000000000000000000000000000000",
                "--helpdesk.twilio.auth-token=unsent-test-token", "--helpdesk.twilio.from=+12025550100",
                "--helpdesk.twilio.api-url=http://127.0.0.1:" + silentProvider.getLocalPort());
    }

    @AfterAll
    void stop() throws IOException {
        if (a != null && a.isActive()) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        silentProvider.close();
        for (var s : held) {
            s.close();
        }
    }

    private static ConfigurableApplicationContext instance(String... more) {
        var args = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(HelpdeskVerifyApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void aChallengeStoredButNeverSentIsMovedDownTheLadderByTheOtherInstance() {
        var apiA = new Api(((WebServerApplicationContext) a).getWebServer().getPort());
        String user = new Fixtures(apiA).userWithMobileAndEmail();
        String id = new Fixtures(apiA).start(user, "SMS_CODE", "unsent").get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> !held.isEmpty());
        var redis = b.getBean(org.springframework.data.redis.core.StringRedisTemplate.class);
        assertThat(redis.opsForZSet().score(VerificationKeys.unsent(id), id)).as("the unsent challenge, in Redis").isNotNull();
        a.close();

        var service = b.getBean(VerificationService.class);
        assertThat(service.find(id).orElseThrow().state()).isEqualTo(State.PENDING);
        await().atMost(Duration.ofSeconds(60)).until(() -> service.find(id).orElseThrow().state() == State.SENT);
        var v = service.find(id).orElseThrow();
        assertThat(v.method()).isEqualTo(Method.EMAIL_CODE);
        var fallbacks = b.getBean(EventLog.class).query(new EventQuery(Optional.of("acme"), Optional.empty(),
                Optional.of(EventType.FALLBACK_USED), Optional.empty(), Optional.empty(), 1_000)).stream()
                .filter(e -> e.verificationId().equals(id)).toList();
        assertThat(fallbacks).singleElement().satisfies(e -> assertThat(e.reason()).contains(UnsentChallengeSweeper.REASON));
    }
}
