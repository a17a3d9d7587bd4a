package io.helpdeskverify.web;

import io.helpdeskverify.directory.store.DirectoryKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The contact-change rule holds for manual and CSV edits too, and directory records stored before
 * the Microsoft 365 fields existed still read.
 */
@HelpdeskTest
class DirectoryContactChangeTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aManualMobileChangeIsRecordedMaskedAndFlagged() {
        String u = new Fixtures(api).userWithMobileAndEmail();
        var r = api.patch("/api/v1/customers/acme/end-users/" + u, "{\"mobile\":\"+1 202 555 0166\",\"displayName\":\"New\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("warnings").get(0).asText()).isEqualTo("Mobile number changed just now");
        assertThat(r.json().has("mobileChangedAt")).isTrue();
        assertThat(r.json().has("emailChangedAt")).isFalse();

        var events = api.get("/api/v1/events?customer=acme&user=" + u + "&type=CONTACT_CHANGED").json();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("reason").asText()).isEqualTo("mobile +1 ••• ••• ••88 → +1 ••• ••• ••66 by admin API");
        assertThat(events.get(0).get("method").asText()).isEqualTo("mobile");
        assertThat(events.toString()).doesNotContain("2025550166").doesNotContain("2025550188");

        // The same values again: no change, no event.
        api.patch("/api/v1/customers/acme/end-users/" + u, "{\"mobile\":\"+12025550166\"}");
        assertThat(api.get("/api/v1/events?customer=acme&user=" + u + "&type=CONTACT_CHANGED").json()).hasSize(1);
    }

    @Test
    void aCsvImportThatChangesAnEmailIsRecordedAndANewUserIsNot() {
        String u = new Fixtures(api).userWithMobileAndEmail();
        String fresh = Fixtures.unique("csv");
        String csv = "username,display_name,email,mobile\n" + u + ",Test," + u + "-new@acme.example,+12025550188\n"
                + fresh + ",Fresh,," + "+12025550123\n";
        var r = api.send("POST", "/api/v1/customers/acme/end-users/import", csv, "text/csv", Api.ADMIN_TOKEN, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        var events = api.get("/api/v1/events?customer=acme&type=CONTACT_CHANGED&limit=100").json();
        var reasons = new ArrayList<String>();
        events.forEach(e -> {
            if (e.get("user").asText().equals(u) || e.get("user").asText().equals(fresh)) {
                reasons.add(e.get("user").asText() + ": " + e.get("reason").asText());
            }
        });
        assertThat(reasons).containsExactly(u + ": email " + u.charAt(0) + "•••@acme.example → " + u.charAt(0)
                + "•••@acme.example by CSV import");
        assertThat(api.get("/api/v1/customers/acme/end-users/" + u).json().get("warnings").get(0).asText())
                .isEqualTo("Email address changed just now");
    }

    @Test
    void recordsStoredBeforeTheMicrosoft365FieldsStillRead() {
        String slug = Fixtures.unique("old");
        redis.opsForHash().put(DirectoryKeys.CUSTOMERS, slug, """
                {"slug":"%s","name":"Old Co","emailDomains":[],"defaultRegion":"US","policy":{"allowedMethods":[]}}"""
                .formatted(slug));
        redis.opsForHash().put(DirectoryKeys.usersKey(slug), "olduser", """
                {"customer":"%s","username":"olduser","displayName":"Old User","email":"old@old.example",
                 "mobile":"+12025550155","enabled":true,"source":"CSV","updatedAt":"2025-01-01T00:00:00Z"}"""
                .formatted(slug));

        var customer = api.get("/api/v1/customers/" + slug);
        assertThat(customer.status()).as(customer.body()).isEqualTo(200);
        assertThat(customer.json().has("microsoftTenantId")).isFalse();
        var user = api.get("/api/v1/customers/" + slug + "/end-users/olduser");
        assertThat(user.status()).as(user.body()).isEqualTo(200);
        assertThat(user.json().get("overrides")).isEmpty();
        assertThat(user.json().get("warnings")).isEmpty();
        assertThat(user.json().get("mobile").asText()).isEqualTo("+12025550155");
    }
}
