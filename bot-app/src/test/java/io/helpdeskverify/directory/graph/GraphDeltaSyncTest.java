package io.helpdeskverify.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.helpdeskverify.directory.graph.GraphImportTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * After the import, delta rounds apply adds, changes and removals (the official delta pages, with
 * {@code @removed} and the final {@code @odata.deltaLink}); an expired delta token means a full resync.
 */
class GraphDeltaSyncTest extends GraphTestBase {

    static final String GONE_ID = "86462606-fde0-4fc4-9e0c-a20eb73e54c6";
    static final String ADMIN_ID = "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e";
    static final String DELTA_TOKEN = "oEcOySpF_hWYmTIUZBOIfPzcwisr_rPe8o9M54L45qEXQGmvQC6T2dbL-9O7nSU-njKhFiGlAZqewNAThmCVnNxqPu5gOBegrm1CaVZ-ZtFZ2tPOAO98OD9y0ao460";

    /** The import: Conf Room Adams and MOD Administrator from the fixture, plus the user the delta will remove. */
    static void fullListing() {
        var fixture = GraphFake.fixture("graph_users_list_select_constructed.json").get("value");
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", absent())
                .withQueryParam("$skiptoken", absent()).willReturn(json(GraphFake.usersPage(null,
                fixture.get(1), fixture.get(2),
                GraphFake.user(GONE_ID, "leaver@contoso.com", "Lea Ver", "+1 202 555 0143", false)))));
    }

    /** The first delta round after the import, from its deltaLink: the two official pages, linked by their own nextLink. */
    static void firstDeltaRound() {
        var initial = GraphFake.fixture("graph_users_delta_initial_page.json");
        var last = GraphFake.fixture("graph_users_delta_final_page.json");
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", absent())
                .withQueryParam("$deltatoken", equalTo(GraphFake.IMPORT_TOKEN)).willReturn(json(initial.toString())));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken",
                equalTo("oEBwdSP6uehIAxQOWq_3Ksh_TLol6KIm3stvdc6hGhZRi1hQ7Spe__dpvm3U4zReE4CYXC2zOtaKdi7KHlUtC2CbRiBIUwOxPKLa"))
                .willReturn(json(last.toString())));
    }

    /** The next round, from the stored deltaLink: MOD Administrator's mobile changed, nothing else sent. */
    static void mobileChangeRound(String newMobile) {
        var page = GraphFake.fixture("graph_users_delta_final_page.json");
        page.put("@odata.deltaLink", "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=round-3");
        ObjectNode change = GraphFake.JSON.createObjectNode().put("id", ADMIN_ID).put("mobilePhone", newMobile);
        page.putArray("value").add(change);
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", equalTo(DELTA_TOKEN))
                .willReturn(json(page.toString())));
    }

    @Test
    void deltaRoundsApplyAddsRemovalsAndChangesAndFlagTheNewMobile() {
        String slug = customer();
        fullListing();
        assertThat(connect(slug, tenant()).get("added").asInt()).isEqualTo(3);
        firstDeltaRound();

        var first = sync(slug);

        assertThat(first.get("state").asText()).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("mode").asText()).isEqualTo("DELTA");
        assertThat(first.get("added").asInt()).as("Cameron, Delia, Lidia, Patti").isEqualTo(4);
        assertThat(first.get("disabled").asInt()).isEqualTo(1);
        // One enumeration: the import was the delta round without a token, this round continued from its deltaLink.
        FAKE.server.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", absent())
                .withQueryParam("$skiptoken", absent()).withQueryParam("$select", containing("mobilePhone")));
        FAKE.server.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                .withQueryParam("$deltatoken", equalTo(GraphFake.IMPORT_TOKEN)));
        var leaver = user(slug, "leaver@contoso.com");
        assertThat(leaver.get("enabled").asBoolean()).as("@removed disables, keeps").isFalse();
        assertThat(leaver.get("mobile").asText()).isEqualTo("+12025550143");
        // The delta page only sent Adams' name: what it did not send stays as the import left it.
        var room = user(slug, "adams@contoso.com");
        assertThat(room.get("email").asText()).isEqualTo("Adams@contoso.com");
        assertThat(room.get("enabled").asBoolean()).isFalse();
        var lidia = user(slug, "25dcffff-959e-4ece-9973-e5d9b800e8cc");
        assertThat(lidia.get("displayName").asText()).isEqualTo("Lidia Holloway");
        assertThat(lidia.get("source").asText()).isEqualTo("ENTRA_CLOUD");
        assertThat(user(slug, "admin@contoso.com").get("warnings")).isEmpty();

        mobileChangeRound("+1 425 555 0199");
        var second = sync(slug);

        assertThat(second.get("state").asText()).as(second.toString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("updated").asInt()).isEqualTo(1);
        assertThat(second.get("added").asInt()).isZero();
        var admin = user(slug, "admin@contoso.com");
        assertThat(admin.get("mobile").asText()).isEqualTo("+14255550199");
        assertThat(admin.get("upn").asText()).as("not sent, kept").isEqualTo("admin@contoso.com");
        assertThat(admin.get("warnings").get(0).asText()).isEqualTo("Mobile number changed just now");
        JsonNode events = api.get("/api/v1/events?customer=" + slug + "&type=CONTACT_CHANGED").json();
        assertThat(events).hasSize(1);
        var event = events.get(0);
        assertThat(event.get("user").asText()).isEqualTo("admin@contoso.com");
        assertThat(event.get("reason").asText()).isEqualTo("mobile +1 ••• ••• ••01 → +1 ••• ••• ••99 by Microsoft 365 sync");
        assertThat(event.toString()).doesNotContain("4255550199").doesNotContain("4255550101");
    }

    @Test
    void anExpiredDeltaTokenStartsAFullResync() {
        String slug = customer();
        fullListing();
        connect(slug, tenant());
        firstDeltaRound();
        sync(slug);
        // The token expired; meanwhile the leaver vanished from the tenant without a delta telling us.
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", equalTo(DELTA_TOKEN))
                .willReturn(aResponse().withStatus(410).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":"resyncRequired","message":"Resync required. Replace any local cached copy."}}""")));
        var fixture = GraphFake.fixture("graph_users_list_select_constructed.json").get("value");
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", absent())
                .withQueryParam("$skiptoken", absent())
                .willReturn(json(GraphFake.usersPage(null, fixture.get(1), fixture.get(2)))));
        int listingsBefore = FAKE.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                .withQueryParam("$deltatoken", absent()).withQueryParam("$skiptoken", absent())).size();
        var delta1 = user(slug, "605d1257-ffff-40b6-8e6f-528a53f5dc55");
        assertThat(delta1.get("enabled").asBoolean()).isTrue();

        var report = sync(slug);

        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(report.get("mode").asText()).isEqualTo("FULL");
        assertThat(FAKE.server.findAll(getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                .withQueryParam("$deltatoken", absent()).withQueryParam("$skiptoken", absent()))).hasSize(listingsBefore + 1);
        // Users the complete listing no longer shows are disabled: Delia (added by delta) and the others.
        assertThat(user(slug, "605d1257-ffff-40b6-8e6f-528a53f5dc55").get("enabled").asBoolean()).isFalse();
        assertThat(user(slug, "admin@contoso.com").get("enabled").asBoolean()).isTrue();
        assertThat(report.get("disabled").asInt()).as("Cameron, Delia, Lidia, Patti").isEqualTo(4);

        // The next sync starts a fresh delta round: no stale token is used again.
        firstDeltaRound();
        var next = sync(slug);
        assertThat(next.get("mode").asText()).isEqualTo("DELTA");
        assertThat(next.get("state").asText()).isEqualTo("SUCCEEDED");
    }
}
