package io.helpdeskverify.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two real application instances on one real Redis, sharing a clock the test moves: racing
 * decisions and expiries must each produce exactly one outcome and one final event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeAll
    void startTwoInstances() {
        first = instance();
        int redisPort = first.getBean(redis.embedded.RedisServer.class).ports().get(0);
        second = instance("--spring.data.redis.url=redis://127.0.0.1:" + redisPort, "--helpdesk.demo-data.enabled=false");
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    private ConfigurableApplicationContext instance(String... args) {
        var all = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(HelpdeskVerifyApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", (Clock) clock))
                .run(all.toArray(String[]::new));
    }

    private Fixtures fixtures(ConfigurableApplicationContext ctx) {
        return new Fixtures(new Api(((WebServerApplicationContext) ctx).getWebServer().getPort()));
    }

    @Test
    void twoHundredRacingDecisionsOnTwoInstancesHaveExactlyOneOutcome() throws Exception {
        String user = fixtures(first).userWithMobileAndEmail();
        String id = fixtures(first).start(user, "SMS_CODE", "racer").get("id").asText();
        var a = first.getBean(VerificationService.class);
        var b = second.getBean(VerificationService.class);
        await().until(() -> a.find(id).orElseThrow().state() == State.SENT);
        // Fixtures start as the TECHNICIAN token named "Tech racer": that name is the technician.
        var tech = new Technician(Platform.API, "Tech racer", "Tech racer");

        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(32);
        var tasks = new ArrayList<Future<ActionResult>>();
        for (int i = 0; i < 200; i++) {
            var service = i % 2 == 0 ? a : b;
            boolean approve = i % 3 != 0;
            Callable<ActionResult> c = () -> {
                start.await();
                return service.decide(id, tech, approve);
            };
            tasks.add(pool.submit(c));
        }
        start.countDown();
        int done = 0;
        int alreadyDecided = 0;
        for (var t : tasks) {
            var r = t.get();
            if (r instanceof ActionResult.Done) {
                done++;
            } else if (r instanceof ActionResult.Refused refused && refused.rejection() == Rejection.ALREADY_DECIDED) {
                alreadyDecided++;
            }
        }
        pool.shutdown();

        assertThat(done).isEqualTo(1);
        assertThat(alreadyDecided).isEqualTo(199);
        var finals = events(id).stream().filter(e -> !e.outcome().isEmpty()).toList();
        assertThat(finals).hasSize(1);
    }

    @Test
    void aHundredExpiriesOnTwoInstancesFireExactlyOnceEach() {
        var service = first.getBean(VerificationService.class);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            // Distinct users so the push-bombing guard stays out of the way.
            String user = fixtures(i % 2 == 0 ? first : second).userWithMobileAndEmail();
            var started = service.start(new StartRequest("acme", user, Optional.of(Method.SMS_CODE),
                    new Technician(Platform.API, "t" + i, "T"), ""));
            ids.add(((StartResult.Started) started).verification().id());
        }
        await().until(() -> ids.stream().allMatch(id -> service.find(id).orElseThrow().state() == State.SENT));

        clock.advance(Duration.ofMinutes(11));

        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream()
                .allMatch(id -> service.find(id).orElseThrow().state() == State.EXPIRED));
        var expired = first.getBean(EventLog.class).query(new EventQuery(Optional.of("acme"), Optional.empty(),
                Optional.of(EventType.EXPIRED), Optional.empty(), Optional.empty(), 10_000));
        var mine = expired.stream().map(AuditEvent::verificationId).filter(ids::contains).toList();
        assertThat(mine).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void anExpiryScheduledByAnInstanceThatStoppedStillFires() {
        int redisPort = first.getBean(redis.embedded.RedisServer.class).ports().get(0);
        var third = instance("--spring.data.redis.url=redis://127.0.0.1:" + redisPort, "--helpdesk.demo-data.enabled=false");
        String user = fixtures(third).userWithMobileAndEmail();
        String id = fixtures(third).start(user, "EMAIL_CODE", "gone").get("id").asText();
        var service = first.getBean(VerificationService.class);
        await().until(() -> service.find(id).orElseThrow().state() == State.SENT);
        third.close();

        clock.advance(Duration.ofMinutes(11));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.find(id).orElseThrow().state() == State.EXPIRED);
        assertThat(events(id).stream().filter(e -> e.type() == EventType.EXPIRED)).hasSize(1);
    }

    /**
     * Issue 20: an instance killed right after claiming an expiry held it for the 30 s lease, the card
     * showing SENT past its deadline. The claim here is taken as a dying instance takes it (through
     * the store, never released); the live instances must expire it once the default lease has passed.
     */
    @Test
    void aClaimAbandonedByADeadInstanceComesBackAfterAShortLease() {
        var lease = first.getBean(io.helpdeskverify.shared.HelpdeskProperties.class).expiry().lease();
        assertThat(lease).isLessThanOrEqualTo(Duration.ofSeconds(5));
        String user = fixtures(first).userWithMobileAndEmail();
        String id = fixtures(first).start(user, "EMAIL_CODE", "abandoned").get("id").asText();
        var service = first.getBean(VerificationService.class);
        await().until(() -> service.find(id).orElseThrow().state() == State.SENT);

        var dueAt = clock.instant().plus(Duration.ofMinutes(11));
        assertThat(first.getBean(VerificationStore.class).claimDue(dueAt, 10_000, lease)).contains(id);
        clock.advance(Duration.ofMinutes(11));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> service.find(id).orElseThrow().state() == State.SENT);

        clock.advance(lease.plusMillis(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> service.find(id).orElseThrow().state() == State.EXPIRED);
        assertThat(events(id).stream().filter(e -> e.type() == EventType.EXPIRED)).hasSize(1);
    }

    /**
     * Issue 17: every append of both instances links to the same two heads (the global chain's and
     * the customer's); racing ones relink and retry, so the chains stay one each, with nothing lost.
     */
    @Test
    void bothInstancesAppendingAtOnceKeepOneValidChainPerCustomerAndGlobally() throws Exception {
        var users = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            users.add(fixtures(i % 2 == 0 ? first : second).userWithMobileAndEmail());
        }
        var services = List.of(first.getBean(VerificationService.class), second.getBean(VerificationService.class));
        var logs = List.of(first.getBean(EventLog.class), second.getBean(EventLog.class));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        var tasks = new ArrayList<Future<?>>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            tasks.add(pool.submit(() -> {
                start.await();
                return services.get(n % 2).start(new StartRequest("acme", users.get(n), Optional.of(Method.SMS_CODE),
                        new Technician(Platform.API, "chain" + n, "Chain"), ""));
            }));
        }
        for (int i = 0; i < 200; i++) {
            int n = i;
            tasks.add(pool.submit(() -> {
                start.await();
                return logs.get(n % 2).append(new AuditEvent("", EventType.API_TOKEN_ISSUED, clock.instant(), "acme",
                        "", "chain", "", "api", "", "", "", "", "token chain-" + n));
            }));
        }
        start.countDown();
        for (var t : tasks) {
            t.get();
        }
        pool.shutdown();

        var chains = first.getBean(io.helpdeskverify.events.EventChainCheck.class);
        var acme = chains.verify(Optional.of("acme"), Optional.empty(), Optional.empty());
        assertThat(acme.firstBreak()).isEmpty();
        assertThat(acme.checked()).isGreaterThanOrEqualTo(220);
        var global = second.getBean(io.helpdeskverify.events.EventChainCheck.class)
                .verify(Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(global.firstBreak()).isEmpty();
        assertThat(global.checked()).isGreaterThanOrEqualTo(acme.checked());
        assertThat(global.unchained()).isZero();
    }

    private List<AuditEvent> events(String verificationId) {
        return first.getBean(EventLog.class).query(new EventQuery(Optional.of("acme"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 10_000)).stream().filter(e -> e.verificationId().equals(verificationId)).toList();
    }
}
