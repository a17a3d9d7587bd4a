package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.AccessFixtures;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET and PUT /api/v1/customers/{slug}/access: the round trip, and 422 for anything that is not a policy. */
@HelpdeskTest
class AccessPolicyApiTest {

    @LocalServerPort
    int port;
    Api api;
    AccessFixtures access;

    @BeforeEach
    void connect() {
        api = new Api(port);
        access = new AccessFixtures(api);
    }

    @Test
    void aPolicyIsStoredReadBackAndRemovedByAnEmptyOne() {
        String slug = access.customerWithUser();
        var none = api.get("/api/v1/customers/" + slug + "/access");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().path("mode").asText()).isEqualTo("open");
        assertThat(none.json().path("restricted").asBoolean()).isFalse();
        assertThat(none.json().path("slack")).isEmpty();

        var put = access.put(slug, """
                {"slack":[{"workspace":"T123","users":["U1"," U2 ","U1"],"userGroups":["S1"],"channels":["C1"]},
                          {"workspace":"T999"}],
                 "teams":[{"tenant":"50612dbb-0237-4969-b378-8d42590f9c00","users":["aad-1"],
                           "teams":["19:team@thread.tacv2"],"channels":["19:chan@thread.tacv2"]}]}""");
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        var got = api.get("/api/v1/customers/" + slug + "/access").json();
        assertThat(got.path("customer").asText()).isEqualTo(slug);
        assertThat(got.path("restricted").asBoolean()).isTrue();
        var slack = got.path("slack").get(0);
        assertThat(slack.path("workspace").asText()).isEqualTo("T123");
        // Trimmed and de-duplicated, in the order given.
        assertThat(slack.path("users").toString()).isEqualTo("[\"U1\",\"U2\"]");
        assertThat(slack.path("userGroups").toString()).isEqualTo("[\"S1\"]");
        assertThat(slack.path("channels").toString()).isEqualTo("[\"C1\"]");
        assertThat(got.path("slack").get(1).path("users")).isEmpty();
        var teams = got.path("teams").get(0);
        assertThat(teams.path("tenant").asText()).isEqualTo("50612dbb-0237-4969-b378-8d42590f9c00");
        assertThat(teams.path("teams").get(0).asText()).isEqualTo("19:team@thread.tacv2");

        assertThat(access.put(slug, "{\"slack\":[],\"teams\":[]}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers/" + slug + "/access").json().path("restricted").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"slack\":{\"workspace\":\"T1\"}}",
            "{\"slack\":[{\"users\":[\"U1\"]}]}",
            "{\"slack\":[{\"workspace\":\"  \"}]}",
            "{\"slack\":[{\"workspace\":\"T1\",\"user\":[\"U1\"]}]}",
            "{\"slak\":[]}",
            "{\"slack\":[{\"workspace\":\"T1\",\"users\":[\"\"]}]}",
            "{\"slack\":[{\"workspace\":\"T1\",\"users\":[\"U 1\"]}]}",
            "{\"slack\":[{\"workspace\":\"T1\",\"users\":[42]}]}",
            "{\"slack\":[{\"workspace\":\"T1\",\"users\":\"U1\"}]}",
            "{\"slack\":[{\"workspace\":\"T1\"},{\"workspace\":\"T1\"}]}",
            "{\"teams\":[{\"tenant\":\"t\",\"channels\":[null]}]}",
            "{\"teams\":[{\"tenant\":\"t\",\"teams\":[\"LONG\"]}]}",
            "{\"teams\":[{\"tenant\":\"t\",\"users\":MANY}]}"})
    void anythingThatIsNotAPolicyIs422AndChangesNothing(String body) {
        String slug = access.customerWithUser();
        access.policy(slug, "{\"slack\":[{\"workspace\":\"TKEEP\"}]}");
        String many = "[" + String.join(",", java.util.stream.IntStream.range(0, 501).mapToObj(i -> "\"u" + i + "\"").toList()) + "]";
        var r = access.put(slug, body.replace("LONG", "x".repeat(201)).replace("MANY", many));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().path("detail").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception", "at io.");
        assertThat(api.get("/api/v1/customers/" + slug + "/access").json().path("slack").get(0).path("workspace")
                .asText()).isEqualTo("TKEEP");
    }

    @Test
    void anUnknownCustomerIs404() {
        assertThat(api.get("/api/v1/customers/no-such-customer-x/access").status()).isEqualTo(404);
        assertThat(access.put("no-such-customer-x", "{}").status()).isEqualTo(404);
    }
}
