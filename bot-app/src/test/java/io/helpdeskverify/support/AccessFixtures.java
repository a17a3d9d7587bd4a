package io.helpdeskverify.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Customers with access policies, through the admin API, with names unique to each test. */
public final class AccessFixtures {

    private final Api api;

    public AccessFixtures(Api api) {
        this.api = api;
    }

    /** A new customer with one enabled end user {@code bob} (mobile and email); returns the slug. */
    public String customerWithUser() {
        String slug = Fixtures.unique("cust").toLowerCase(Locale.ROOT);
        var c = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Customer %s","emailDomains":["%s.example"],"defaultRegion":"US"}"""
                .formatted(slug, slug, slug));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        var u = api.post("/api/v1/customers/" + slug + "/end-users", """
                {"username":"bob","displayName":"Bob Builder","email":"bob@%s.example","mobile":"+12025550123"}"""
                .formatted(slug));
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        return slug;
    }

    public Api.Response put(String slug, String policyJson) {
        return api.send("PUT", "/api/v1/customers/" + slug + "/access", policyJson, "application/json",
                Api.ADMIN_TOKEN, Map.of());
    }

    public void policy(String slug, String policyJson) {
        var r = put(slug, policyJson);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The UNAUTHORIZED_ACTION events of one technician ({@code slack:U…}), newest first. */
    public List<JsonNode> refusals(String technicianKey) {
        var out = new ArrayList<JsonNode>();
        for (JsonNode e : api.get("/api/v1/events?type=UNAUTHORIZED_ACTION&limit=10000").json()) {
            if (e.path("type").asText().equals("UNAUTHORIZED_ACTION") && e.path("technicianId").asText().equals(technicianKey)) {
                out.add(e);
            }
        }
        return out;
    }
}
