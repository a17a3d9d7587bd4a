package io.helpdeskverify.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app with GRAPH_API_URL and GRAPH_AUTHORITY_URL on one {@link GraphFake}. Every test
 * class extending this shares the context and the fake; each test uses its own customer.
 */
@HelpdeskTest
abstract class GraphTestBase {

    static final GraphFake FAKE = new GraphFake();

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("helpdesk.graph.client-id", () -> GraphFake.CLIENT_ID);
        registry.add("helpdesk.graph.client-secret", () -> GraphFake.CLIENT_SECRET);
        registry.add("helpdesk.graph.api-url", FAKE::apiUrl);
        registry.add("helpdesk.graph.authority-url", FAKE::authorityUrl);
        // The tests start syncs themselves; the schedule's own test calls it directly.
        registry.add("helpdesk.graph.scheduler-tick", () -> "1h");
        registry.add("helpdesk.graph.max-retries", () -> "3");
    }

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUpGraph() {
        api = new Api(port);
        FAKE.reset();
    }

    /** A new customer (region US), not yet connected. */
    String customer() {
        String slug = Fixtures.unique("m365");
        var r = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Contoso %s","defaultRegion":"US"}""".formatted(slug, slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return slug;
    }

    static String tenant() {
        return UUID.randomUUID().toString();
    }

    /** Connects the customer (which starts its import) and waits for that sync to finish. */
    JsonNode connect(String slug, String tenant) {
        var r = api.patch("/api/v1/customers/" + slug, "{\"microsoftTenantId\":\"" + tenant + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return finished(slug);
    }

    JsonNode sync(String slug) {
        var r = api.post("/api/v1/customers/" + slug + "/directory/sync", null);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return finished(slug);
    }

    JsonNode finished(String slug) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = api.get("/api/v1/customers/" + slug + "/directory/sync");
            return r.status() == 200 ? r.json() : null;
        }, j -> j != null && !j.get("state").asText().equals("RUNNING"));
    }

    JsonNode user(String slug, String username) {
        var r = api.get("/api/v1/customers/" + slug + "/end-users/" + username);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
