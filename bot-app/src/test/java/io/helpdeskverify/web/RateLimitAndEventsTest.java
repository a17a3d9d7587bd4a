package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.web.server.LocalServerPort;

@HelpdeskTest
class RateLimitAndEventsTest {

    @LocalServerPort
    int port;
    Api api;
    String customer;
    /** One TECHNICIAN token per technician name: the token is who starts a verification. */
    final Map<String, Api> technicians = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        customer = Fixtures.unique("rl");
        var r = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Limited","policy":{"maxChallengesPerUser":3,"maxChallengesPerTechnician":5}}"""
                .formatted(customer));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String user() {
        String u = Fixtures.unique("u");
        assertThat(api.post("/api/v1/customers/" + customer + "/end-users",
                "{\"username\":\"%s\",\"mobile\":\"+12025550177\"}".formatted(u)).status()).isEqualTo(201);
        return u;
    }

    private Api.Response start(String user, String tech) {
        return technicians.computeIfAbsent(tech, api::technician).post("/api/v1/verifications", """
                {"customer":"%s","user":"%s"}""".formatted(customer, user));
    }

    @Test
    void theFourthChallengeToOneUserWithinTenMinutesIsRefusedEvenWhenRacing() throws Exception {
        String u = user();
        var pool = Executors.newFixedThreadPool(10);
        var calls = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 10; i++) {
            String tech = "T" + i;
            calls.add(() -> start(u, tech).status());
        }
        var statuses = new ArrayList<Integer>();
        for (var f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);

        var refused = start(u, "T99");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.json().get("reason").asText()).isEqualTo("RATE_LIMITED");
        assertThat(refused.json().get("detail").asText()).contains("push bombing");

        JsonNode events = api.get("/api/v1/events?customer=" + customer + "&type=RATE_LIMITED&user=" + u).json();
        assertThat(events).hasSize(8);
        assertThat(events.get(0).get("reason").asText()).isEqualTo("end-user limit");
    }

    @Test
    void aTechnicianHasALimitToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(start(user(), "busy").status()).isEqualTo(201);
        }
        var refused = start(user(), "busy");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asText()).contains("You have started 5 verifications");
    }

    @Test
    void eventsAreFilteredAndExportedAsCsvAndJsonLines() {
        String u = user();
        assertThat(start(u, "exp").status()).isEqualTo(201);
        var json = api.get("/api/v1/events?customer=" + customer + "&user=" + u + "&type=VERIFICATION_REQUESTED").json();
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("technicianId").asText()).isEqualTo("api:exp");

        var csv = api.send("GET", "/api/v1/events?customer=" + customer + "&user=" + u, null, null, Api.ADMIN_TOKEN,
                java.util.Map.of("Accept", "text/csv"));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("id,time,type,customer,user");
        assertThat(csv.body()).contains("VERIFICATION_REQUESTED");

        var lines = api.send("GET", "/api/v1/events?customer=" + customer + "&user=" + u, null, null, Api.ADMIN_TOKEN,
                java.util.Map.of("Accept", "application/x-ndjson"));
        assertThat(lines.body().lines()).allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));

        assertThat(api.get("/api/v1/events?since=yesterday").status()).isEqualTo(400);
        // Valid ISO-8601, but no time a stream id can name: a clear 400, not a 500 from Redis or the arithmetic.
        assertThat(api.get("/api/v1/events?until=%2B1000000000-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/events?since=1969-12-31T23:59:59Z").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/events?type=NOPE").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/events?since=2999-01-01T00:00:00Z").json()).isEmpty();
    }

    @Test
    void eventsNeverHoldACodeOrAFullContact() {
        String u = user();
        var started = start(u, "priv");
        String code = started.json().get("code").asText();
        assertThat(code).matches("[0-9]{6}");
        String all = api.get("/api/v1/events?customer=" + customer + "&limit=10000").body();
        assertThat(all).doesNotContain(code).doesNotContain("2025550177");
    }
}
