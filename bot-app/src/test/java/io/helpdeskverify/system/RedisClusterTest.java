package io.helpdeskverify.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.shared.store.KeyShards;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.MutableClock;
import io.helpdeskverify.testsupport.RedisCluster;
import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.Rejection;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The same jar on a real 3-master Redis Cluster (REDIS_CLUSTER_NODES only): every script keeps its
 * keys in one slot, so the push and code flows, the decision race, expiries, the event log (global,
 * merged from the shards, and per customer), directory writes and API tokens all work as on one
 * Redis, and the keys are spread over the masters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private RedisCluster cluster;
    private ConfigurableApplicationContext app;
    private Api api;
    private final List<String> perShard = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        cluster = new RedisCluster(3);
        app = new SpringApplicationBuilder(HelpdeskVerifyApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", (Clock) clock))
                .run("--spring.profiles.active=test", "--server.port=0", "--REDIS_CLUSTER_NODES=" + cluster.nodes(),
                        "--helpdesk.test.isolated-context=cluster");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        // Lettuce in cluster mode, not a lucky single node.
        assertThat(app.getBean(LettuceConnectionFactory.class).isClusterAware()).isTrue();
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aPushAnsweredInTheAppAndACodeCheckedByTheTechnicianBothEndVerified() {
        var fixtures = new Fixtures(api);
        var user = fixtures.userWithApp();
        String push = fixtures.start(user.username(), "PUSH", "cluster").get("id").asText();
        JsonNode challenge = await().atMost(Duration.ofSeconds(10))
                .until(() -> pending(user.deviceSecret(), user.deviceId(), push), c -> c != null);
        var answer = api.send("POST", "/api/v1/challenges/" + challenge.get("challengeId").asText() + "/response",
                "{\"decision\":\"approve\"}", "application/json", user.deviceSecret(), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("state").asText()).isEqualTo("VERIFIED");
        await().untilAsserted(() -> assertThat(eventTypes(push))
                .containsExactly("VERIFICATION_REQUESTED", "CHALLENGE_SENT", "USER_APPROVED", "VERIFIED"));

        String other = fixtures.userWithMobileAndEmail();
        var started = fixtures.start(other, "SMS_CODE", "cluster").get("id").asText();
        var service = app.getBean(VerificationService.class);
        await().until(() -> service.find(started).orElseThrow().state() == State.SENT);
        var decided = api.technician("Tech cluster").post("/api/v1/verifications/" + started + "/decision",
                "{\"decision\":\"approve\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/verifications/" + started).json().get("outcome").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void aHundredRacingDecisionsHaveExactlyOneOutcome() throws Exception {
        var fixtures = new Fixtures(api);
        String user = fixtures.userWithMobileAndEmail();
        String id = fixtures.start(user, "SMS_CODE", "racer").get("id").asText();
        var service = app.getBean(VerificationService.class);
        await().until(() -> service.find(id).orElseThrow().state() == State.SENT);
        var tech = new Technician(Platform.API, "Tech racer", "Tech racer");
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(32);
        var tasks = new ArrayList<Future<ActionResult>>();
        for (int i = 0; i < 100; i++) {
            boolean approve = i % 3 != 0;
            Callable<ActionResult> c = () -> {
                go.await();
                return service.decide(id, tech, approve);
            };
            tasks.add(pool.submit(c));
        }
        go.countDown();
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
        assertThat(alreadyDecided).isEqualTo(99);
        assertThat(events("acme").stream().filter(e -> e.verificationId().equals(id) && !e.outcome().isEmpty()))
                .hasSize(1);
    }

    @Test
    void expiriesFireOnceEachFromEveryShard() {
        var service = app.getBean(VerificationService.class);
        var ids = new ArrayList<String>();
        var customers = customerPerShard();
        for (int i = 0; i < customers.size(); i++) {
            var started = service.start(new StartRequest(customers.get(i), "pat", Optional.of(Method.SMS_CODE),
                    new Technician(Platform.API, "expiry-" + i, "T"), ""));
            assertThat(started).as(customers.get(i)).isInstanceOf(StartResult.Started.class);
            ids.add(((StartResult.Started) started).verification().id());
        }
        await().until(() -> ids.stream().allMatch(id -> service.find(id).orElseThrow().state() == State.SENT));

        clock.advance(Duration.ofMinutes(11));

        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream()
                .allMatch(id -> service.find(id).orElseThrow().state() == State.EXPIRED));
        var expired = app.getBean(EventLog.class).query(new EventQuery(Optional.empty(), Optional.empty(),
                Optional.of(EventType.EXPIRED), Optional.empty(), Optional.empty(), 10_000));
        assertThat(expired.stream().map(AuditEvent::verificationId).filter(ids::contains).toList())
                .hasSize(customers.size()).doesNotHaveDuplicates();
    }

    @Test
    void eventsOfCustomersInManyShardsReadBackGloballyInIdOrderAndPerCustomer() {
        // Customers in every key shard, hence on every master.
        var slugs = customerPerShard();
        var users = new ArrayList<String>();
        for (String slug : slugs) {
            var started = api.technician("Tech shards").post("/api/v1/verifications",
                    "{\"customer\":\"%s\",\"user\":\"pat\",\"method\":\"EMAIL_CODE\"}".formatted(slug));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            users.add(started.json().get("id").asText());
        }

        var global = api.get("/api/v1/events?limit=10000");
        assertThat(global.status()).as(global.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (JsonNode e : global.json()) {
            ids.add(e.get("id").asText());
            seen.add(e.get("verificationId").asText());
        }
        assertThat(seen).containsAll(users);
        assertThat(ids).doesNotHaveDuplicates();
        for (int i = 1; i < ids.size(); i++) {
            assertThat(compare(ids.get(i - 1), ids.get(i))).as("newest first: " + ids.get(i - 1) + " then " + ids.get(i))
                    .isPositive();
        }
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            var own = events(slug);
            assertThat(own).isNotEmpty().allMatch(e -> e.customer().equals(slug));
            String id = users.get(i);
            assertThat(own).anyMatch(e -> e.verificationId().equals(id) && e.type() == EventType.VERIFICATION_REQUESTED);
            assertThat(own).noneMatch(e -> users.contains(e.verificationId()) && !e.verificationId().equals(id));
        }
        // The keys are spread: every master holds some.
        for (int port : cluster.ports()) {
            var client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
            try (var c = client.connect()) {
                assertThat(c.sync().dbsize()).as("keys on 127.0.0.1:" + port).isPositive();
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void directoryWritesAndApiTokensWork() {
        var fixtures = new Fixtures(api);
        String user = fixtures.userWithMobileAndEmail();
        var updated = api.patch("/api/v1/customers/acme/end-users/" + user, "{\"displayName\":\"Renamed\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers/acme/end-users/" + user).json().get("displayName").asText())
                .isEqualTo("Renamed");
        var taken = api.post("/api/v1/customers/acme/end-users", """
                {"username":"%s-2","displayName":"Twin","email":"%s@acme.example"}""".formatted(user, user));
        assertThat(taken.status()).as("the email index refuses a second owner: " + taken.body()).isEqualTo(409);

        var app = fixtures.userWithApp();
        var devices = api.get("/api/v1/customers/acme/end-users/" + app.username() + "/devices");
        assertThat(devices.status()).as(devices.body()).isEqualTo(200);
        assertThat(devices.body()).contains(app.deviceId());
        var revoked = api.delete("/api/v1/customers/acme/end-users/" + app.username() + "/devices/" + app.deviceId());
        assertThat(revoked.status()).as(revoked.body()).isIn(200, 204);

        var auditor = api.issue(Fixtures.unique("auditor"), "[\"AUDITOR\"]", "[\"acme\"]");
        assertThat(auditor.get("/api/v1/events?customer=acme&limit=5").status()).isEqualTo(200);
        var tokens = api.get("/api/v1/tokens");
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    }

    /** One customer in each of the 16 key shards (so on every master), each with the end user pat. */
    private List<String> customerPerShard() {
        if (!perShard.isEmpty()) {
            return perShard;
        }
        var shards = new HashSet<Integer>();
        for (int i = 0; perShard.size() < KeyShards.COUNT; i++) {
            String slug = "shard-" + i;
            if (!shards.add(KeyShards.of(slug))) {
                continue;
            }
            var created = api.post("/api/v1/customers", """
                    {"slug":"%s","name":"Customer %s","emailDomains":["%s.example"]}""".formatted(slug, slug, slug));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var user = api.post("/api/v1/customers/" + slug + "/end-users", """
                    {"username":"pat","displayName":"Pat","email":"pat@%s.example","mobile":"+12025550188"}"""
                    .formatted(slug));
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            perShard.add(slug);
        }
        return perShard;
    }

    private List<AuditEvent> events(String customer) {
        return app.getBean(EventLog.class).query(new EventQuery(Optional.of(customer), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 10_000));
    }

    private static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    private JsonNode pending(String secret, String deviceId, String verificationId) {
        var r = api.send("GET", "/api/v1/devices/" + deviceId + "/challenges", null, null, secret, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode c : r.json()) {
            if (c.get("verificationId").asText().equals(verificationId)) {
                return c;
            }
        }
        return null;
    }

    private List<String> eventTypes(String verificationId) {
        var types = new ArrayList<String>();
        for (JsonNode e : api.get("/api/v1/events?customer=acme&limit=10000").json()) {
            if (e.get("verificationId").asText().equals(verificationId)) {
                types.add(0, e.get("type").asText());
            }
        }
        return types;
    }
}
