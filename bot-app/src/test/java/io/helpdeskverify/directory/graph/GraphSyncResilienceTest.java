package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.BackgroundSyncs;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.helpdeskverify.directory.graph.GraphImportTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync.SyncStart;
import io.helpdeskverify.directory.ExternalDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Throttling, a second instance, and a crash in the middle of a sync. */
class GraphSyncResilienceTest extends GraphTestBase {

    static final String PAGE_2 = "https://graph.microsoft.com/v1.0/users/delta?$skiptoken=page-2";

    @Autowired
    GraphProperties props;
    @Autowired
    DirectoryService directory;
    @Autowired
    ExternalDirectory external;
    @Autowired
    GraphUsers graphUsers;
    @Autowired
    SyncStateStore state;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Clock clock;

    /** Two pages of two users each; page 2 is stubbed by the test. */
    static void firstPage(int delayMillis) {
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", absent())
                .willReturn(json(GraphFake.usersPage(PAGE_2,
                        GraphFake.user("33333333-0000-0000-0000-000000000001", "p1a@contoso.com", "P1 A", null, false),
                        GraphFake.user("33333333-0000-0000-0000-000000000002", "p1b@contoso.com", "P1 B", null, false)))
                        .withFixedDelay(delayMillis)));
    }

    static String secondPageBody() {
        return GraphFake.usersPage(null,
                GraphFake.user("33333333-0000-0000-0000-000000000003", "p2a@contoso.com", "P2 A", "+1 202 555 0161", false),
                GraphFake.user("33333333-0000-0000-0000-000000000004", "p2b@contoso.com", "P2 B", null, true));
    }

    static List<LoggedRequest> page2Requests() {
        return FAKE.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2")));
    }

    @Test
    void aThrottledPageIsRetriedAfterItsRetryAfterWithoutLosingIt() {
        String slug = customer();
        firstPage(0);
        // The fixture's 429 (its body and headers), with Retry-After shortened from 5 to 1 s to keep the test quick.
        var throttled = GraphFake.fixture("graph_error_429_throttled.json");
        throttled.remove("_headers");
        throttled.remove("_status");
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
                .inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody(throttled.toString()))
                .willSetStateTo("after-429"));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
                .inScenario("throttle").whenScenarioStateIs("after-429").willReturn(json(secondPageBody())));

        var report = connect(slug, tenant());

        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(report.get("added").asInt()).isEqualTo(4);
        var tries = page2Requests();
        assertThat(tries).hasSize(2);
        var waited = Duration.between(tries.get(0).getLoggedDate().toInstant(), tries.get(1).getLoggedDate().toInstant());
        assertThat(waited).as("Retry-After honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(user(slug, "p2a@contoso.com").get("mobile").asText()).isEqualTo("+12025550161");
    }

    @Test
    void twoInstancesStartingTheSameSyncRunItOnce() throws Exception {
        String slug = customer();
        firstPage(1500);
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
                .willReturn(json(secondPageBody())));
        directory.setMicrosoftTenant(slug, java.util.Optional.of(tenant()));
        // A second instance: its own sync service and workers, the same Redis.
        var pool = Executors.newFixedThreadPool(2);
        var leases = Executors.newSingleThreadScheduledExecutor();
        try {
            var other = new GraphDirectorySync(props, directory, external, graphUsers,
                    new SyncLock(redis, props.lockLease()), state, new BackgroundSyncs(pool, leases), clock);
            var mine = CompletableFuture.supplyAsync(() -> syncService().start(slug, "instance A"));
            var theirs = CompletableFuture.supplyAsync(() -> other.start(slug, "instance B"));
            var outcomes = new ArrayList<SyncStart>(List.of(mine.get(), theirs.get()));

            assertThat(outcomes).filteredOn(o -> o instanceof SyncStart.Started).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof SyncStart.AlreadyRunning).hasSize(1);
            var report = finished(slug);
            assertThat(report.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(report.get("added").asInt()).isEqualTo(4);
            assertThat(FAKE.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                    .withQueryParam("$skiptoken", absent()))).hasSize(1);
            assertThat(page2Requests()).hasSize(1);
        } finally {
            pool.shutdownNow();
            leases.shutdownNow();
        }
    }

    @Test
    void aSyncThatBrokeOffResumesFromThePageItReached() {
        String slug = customer();
        firstPage(0);
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
                .inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"generalException\",\"message\":\"General exception while processing\"}}"))
                .willSetStateTo("back"));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
                .inScenario("outage").whenScenarioStateIs("back").willReturn(json(secondPageBody())));

        var failed = connect(slug, tenant());

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("generalException");
        assertThat(failed.get("added").asInt()).as("page 1 is in").isEqualTo(2);
        assertThat(user(slug, "p1a@contoso.com").get("enabled").asBoolean()).isTrue();

        var resumed = sync(slug);

        assertThat(resumed.get("state").asText()).as(resumed.toString()).isEqualTo("SUCCEEDED");
        assertThat(resumed.get("mode").asText()).isEqualTo("FULL");
        assertThat(resumed.get("added").asInt()).isEqualTo(4);
        assertThat(FAKE.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                .withQueryParam("$skiptoken", absent()))).as("page 1 not fetched again").hasSize(1);
        assertThat(user(slug, "p1b@contoso.com").get("enabled").asBoolean())
                .as("users of the first attempt count as seen: not disabled by the full import's sweep").isTrue();
    }

    @Test
    void theScheduleResumesASyncWhoseInstanceDied() {
        String slug = customer();
        firstPage(0);
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-2"))
                .willReturn(json(secondPageBody())));
        var customer = directory.setMicrosoftTenant(slug, java.util.Optional.of(tenant()));
        // What a crashed instance leaves: progress at page 2, a RUNNING report, and no lock (its lease ran out).
        var crashed = io.helpdeskverify.directory.SyncReport.started(io.helpdeskverify.directory.SyncReport.Mode.FULL,
                "crashed instance", clock.instant());
        state.saveProgress(slug, new SyncStateStore.Progress(io.helpdeskverify.directory.SyncReport.Mode.FULL,
                customer.microsoftTenantId().orElseThrow(), java.util.Optional.of(PAGE_2), java.util.Optional.empty()), crashed);
        assertThat(syncService().due(customer, clock.instant())).isTrue();

        new SyncSchedule(syncService(), directory, clock).startDueSyncs();

        var report = finished(slug);
        assertThat(report.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(report.get("added").asInt()).isEqualTo(2);
        assertThat(FAKE.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                .withQueryParam("$skiptoken", absent()))).isEmpty();
        assertThat(syncService().due(customer, clock.instant())).as("next one in 30 minutes").isFalse();
        assertThat(syncService().due(customer, clock.instant().plus(Duration.ofMinutes(31)))).isTrue();
    }

    @Autowired
    GraphDirectorySync graphDirectorySync;

    GraphDirectorySync syncService() {
        return graphDirectorySync;
    }
}
