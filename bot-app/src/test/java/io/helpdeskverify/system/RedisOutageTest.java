package io.helpdeskverify.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.PausableRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 20: with Redis paused, requests waited out Lettuce's 60 s and then failed with 500,
 * {@code /actuator/health} hung and readiness stayed UP. A redis-server owned by this test is
 * frozen with SIGSTOP (connections stay open, nothing answers: the worst kind of outage) under a
 * running instance: API calls must get 503 with Retry-After within 3 s, through the bootstrap
 * token (Redis first touched by a controller) and an issued token (first touched by the gate),
 * readiness must go DOWN and liveness stay UP; after SIGCONT everything recovers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageTest {

    private static final Duration WITHIN = Duration.ofSeconds(3);

    private PausableRedis redis;
    private ConfigurableApplicationContext app;
    private Api admin;
    private Api auditor;

    @BeforeAll
    void start() throws IOException {
        redis = new PausableRedis();
        app = new SpringApplicationBuilder(HelpdeskVerifyApplication.class).run("--spring.profiles.active=test",
                "--server.port=0", "--spring.data.redis.url=" + redis.url(),
                "--helpdesk.test.isolated-context=redis-outage");
        admin = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        auditor = admin.issue("outage-auditor", "[\"AUDITOR\"]", "[\"*\"]");
    }

    @AfterAll
    void stop() throws Exception {
        redis.resume();
        if (app != null) {
            app.close();
        }
        redis.close();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aPausedRedisGets503WithinSecondsReadinessDownAndRecovery() throws Exception {
        assertThat(admin.get("/api/v1/customers").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/events?customer=acme&limit=1").status()).isEqualTo(200);
        assertThat(admin.send("GET", "/actuator/health/readiness", null, null, null, java.util.Map.of()).status())
                .isEqualTo(200);

        redis.pause();
        try {
            for (var call : java.util.List.<Supplier<Api.Response>>of(
                    () -> admin.get("/api/v1/customers"),
                    () -> admin.post("/api/v1/verifications", "{\"customer\":\"acme\",\"user\":\"bob\"}"),
                    () -> auditor.get("/api/v1/events?customer=acme&limit=1"),
                    () -> admin.as("some-device-secret-that-is-looked-up").get("/api/v1/challenges"))) {
                var r = timed(call);
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isNotBlank();
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("detail").asText()).contains("cannot reach its data store");
            }
            var readiness = timed(() -> admin.send("GET", "/actuator/health/readiness", null, null, null,
                    java.util.Map.of()));
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
            var health = timed(() -> admin.send("GET", "/actuator/health", null, null, null, java.util.Map.of()));
            assertThat(health.status()).isEqualTo(503);
            var liveness = timed(() -> admin.send("GET", "/actuator/health/liveness", null, null, null,
                    java.util.Map.of()));
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
        } finally {
            redis.resume();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/customers").status() == 200);
        assertThat(auditor.get("/api/v1/events?customer=acme&limit=1").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.send("GET", "/actuator/health/readiness", null, null,
                null, java.util.Map.of()).status() == 200);
    }

    /**
     * Issue 20, Tomcat's threads: each request used to wait out the 2 s command timeout for the whole
     * outage, so a burst could hold every request thread. After the first timeout the store circuit
     * is open, and a burst of concurrent requests (only the probe, at most one a second, waits)
     * gets its 503 at once; after SIGCONT requests succeed again.
     */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aBurstDuringAnOutageIsRefusedAtOnceAfterTheFirstTimeout() throws Exception {
        assertThat(admin.get("/api/v1/customers").status()).isEqualTo(200);
        redis.pause();
        var latencies = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
        var statuses = new java.util.concurrent.ConcurrentHashMap<Integer, Integer>();
        try {
            var first = timed(() -> admin.get("/api/v1/customers"));
            assertThat(first.status()).isEqualTo(503);
            int requests = 200;
            var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                var calls = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < requests; i++) {
                    int n = i;
                    calls.add(pool.submit(() -> {
                        long started = System.nanoTime();
                        var r = switch (n % 3) {
                            case 0 -> admin.get("/api/v1/customers");
                            case 1 -> auditor.get("/api/v1/events?customer=acme&limit=1");
                            default -> admin.post("/api/v1/verifications", "{\"customer\":\"acme\",\"user\":\"bob\"}");
                        };
                        latencies.add(System.nanoTime() - started);
                        statuses.merge(r.status(), 1, Integer::sum);
                        assertThat(r.status()).as(r.body()).isEqualTo(503);
                        assertThat(r.header("Retry-After")).isNotBlank();
                        return null;
                    }));
                }
                for (var call : calls) {
                    call.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            redis.resume();
        }
        var sorted = latencies.stream().sorted().toList();
        Duration p50 = Duration.ofNanos(sorted.get(sorted.size() / 2));
        Duration p95 = Duration.ofNanos(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
        Duration max = Duration.ofNanos(sorted.get(sorted.size() - 1));
        System.out.printf("RedisOutageTest burst: %d requests on 16 threads with Redis paused, statuses %s, "
                + "p50 %d ms, p95 %d ms, max %d ms%n", sorted.size(), statuses, p50.toMillis(), p95.toMillis(),
                max.toMillis());
        assertThat(p95).as("p95 with the circuit open").isLessThan(Duration.ofMillis(500));

        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/customers").status() == 200);
        assertThat(admin.post("/api/v1/verifications", "{\"customer\":\"acme\",\"user\":\"bob\"}").status())
                .isEqualTo(201);
    }

    private static Api.Response timed(Supplier<Api.Response> call) {
        long started = System.nanoTime();
        var r = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within " + WITHIN).isLessThan(WITHIN);
        return r;
    }
}
