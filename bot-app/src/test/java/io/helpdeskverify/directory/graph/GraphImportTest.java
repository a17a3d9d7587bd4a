package io.helpdeskverify.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connecting a customer imports every page of its Microsoft 365 users, with the right source flags:
 * one delta round without a token, so the import itself ends with the deltaLink later syncs use.
 */
class GraphImportTest extends GraphTestBase {

    static final String PAGE_2 = "https://graph.microsoft.com/v1.0/users/delta?$select=id,displayName&$top=999&$skiptoken=page-2";
    static final String PAGE_3 = "https://graph.microsoft.com/v1.0/users/delta?$select=id,displayName&$top=999&$skiptoken=page-3";

    /** Page 1 is the constructed fixture as it is (its own nextLink, with $skiptoken=RFNw…). */
    static void threePages(JsonNode page2User, JsonNode... page3Users) {
        var page1 = GraphFake.fixture("graph_users_list_select_constructed.json");
        page1.remove("_comment");
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", absent())
                .willReturn(json(page1.toString().replace("v1.0/users?", "v1.0/users/delta?")
                        .replace("$skiptoken=RFNwdAIAAQAAAD8...", "$skiptoken=page-1b"))));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-1b"))
                .willReturn(json(GraphFake.usersPage(PAGE_3, page2User))));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("page-3"))
                .willReturn(json(GraphFake.usersPage(null, page3Users))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;odata.metadata=minimal")
                .withBody(body);
    }

    @Test
    void connectingImportsAllThreePagesWithSourceFlagsAndDisabledAccountsKept() {
        String slug = customer();
        String tenant = tenant();
        threePages(GraphFake.user("11111111-0000-0000-0000-000000000002", "Grady.A@Contoso.com", "Grady Archie",
                        "+44 7911 123456", false),
                GraphFake.user("11111111-0000-0000-0000-000000000003", "lee.g@contoso.com", "Lee Gu", null, true));

        var report = connect(slug, tenant);

        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(report.get("mode").asText()).isEqualTo("FULL");
        assertThat(report.get("added").asInt()).isEqualTo(5);
        assertThat(report.get("rejected")).isEmpty();
        // Every page asked for, each with the $select the import needs, as the SDK sends it.
        FAKE.server.verify(3, getRequestedFor(urlPathEqualTo("/v1.0/users/delta")));
        FAKE.server.verify(getRequestedFor(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", absent())
                .withQueryParam("$select", containing("onPremisesSyncEnabled"))
                .withQueryParam("$select", containing("otherMails"))
                .withQueryParam("$select", containing("accountEnabled"))
                .withHeader("Prefer", equalTo("odata.maxpagesize=999"))
                .withHeader("Authorization", containing("Bearer eyJ0eXAiOiJKV1Qi")));
        // One token for the tenant, by client credentials.
        FAKE.server.verify(1, postRequestedFor(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .withRequestBody(containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + GraphFake.CLIENT_ID)));

        var adele = user(slug, "adelev@contoso.com");
        assertThat(adele.get("source").asText()).isEqualTo("AD_SYNCED");
        assertThat(adele.get("email").asText()).isEqualTo("AdeleV@Contoso.com");
        assertThat(adele.get("upn").asText()).isEqualTo("AdeleV@Contoso.com");
        assertThat(adele.get("externalId").asText()).isEqualTo("59bb3898-0621-4414-ac61-74f9d7201355");
        assertThat(adele.has("mobile")).as("business phones are not mobiles").isFalse();
        assertThat(adele.get("enabled").asBoolean()).isTrue();

        var admin = user(slug, "admin@contoso.com");
        assertThat(admin.get("source").asText()).isEqualTo("ENTRA_CLOUD");
        assertThat(admin.get("mobile").asText()).as("425-555-0101 in the customer's region US").isEqualTo("+14255550101");
        assertThat(admin.has("email")).isFalse();

        var room = user(slug, "adams@contoso.com");
        assertThat(room.get("enabled").asBoolean()).as("accountEnabled=false is kept, disabled").isFalse();
        assertThat(room.get("methods")).isEmpty();

        assertThat(user(slug, "grady.a@contoso.com").get("mobile").asText()).isEqualTo("+447911123456");
        assertThat(user(slug, "lee.g@contoso.com").get("source").asText()).isEqualTo("AD_SYNCED");

        // A disabled account can never be verified.
        var refused = api.post("/api/v1/verifications", """
                {"customer":"%s","user":"adams@contoso.com","method":"EMAIL_CODE"}""".formatted(slug));
        assertThat(refused.status()).as(refused.body()).isGreaterThanOrEqualTo(400);
        assertThat(refused.body()).contains("disabled");
    }

    @Test
    void malformedNumbersAreRejectedWithReasonsWhileTheRestImports() {
        String slug = customer();
        ObjectNode bad = GraphFake.user("22222222-0000-0000-0000-000000000001", "bad.number@contoso.com", "Bad Number",
                "12345", false);
        ObjectNode landline = GraphFake.user("22222222-0000-0000-0000-000000000002", "fixed@contoso.com", "Fixed Line",
                "not a phone", false);
        ObjectNode guest = GraphFake.user("22222222-0000-0000-0000-000000000003",
                "partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Guest Partner", null, false);
        threePages(bad, landline, guest);

        var report = connect(slug, tenant());

        assertThat(report.get("state").asText()).isEqualTo("SUCCEEDED");
        var rejected = new ArrayList<String>();
        report.get("rejected").forEach(r -> rejected.add(r.get("user").asText() + " | " + r.get("reason").asText()));
        assertThat(rejected).hasSize(3);
        assertThat(rejected).anyMatch(r -> r.startsWith("bad.number@contoso.com | mobilePhone '12345': not a valid phone number"));
        assertThat(rejected).anyMatch(r -> r.startsWith("fixed@contoso.com | mobilePhone 'not a phone': not a phone number"));
        assertThat(rejected).anyMatch(r -> r.contains("#EXT#") && r.contains("guest account"));
        // The users with unusable numbers are imported, without a mobile; the rest as usual.
        assertThat(report.get("added").asInt()).isEqualTo(5);
        var badUser = user(slug, "bad.number@contoso.com");
        assertThat(badUser.has("mobile")).isFalse();
        assertThat(badUser.get("email").asText()).isEqualTo("bad.number@contoso.com");
        assertThat(user(slug, "admin@contoso.com").get("mobile").asText()).isEqualTo("+14255550101");
        assertThat(api.get("/api/v1/customers/" + slug + "/end-users/partner_fabrikam.com%23ext%23@contoso.onmicrosoft.com")
                .status()).isEqualTo(404);
    }

    @Test
    void syncOfAnUnconnectedCustomerSaysHowToConnect() {
        String slug = customer();
        var r = api.post("/api/v1/customers/" + slug + "/directory/sync", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("not connected").contains("consent-url");
        assertThat(api.get("/api/v1/customers/" + slug + "/directory/sync").status()).isEqualTo(404);
        var badTenant = api.patch("/api/v1/customers/" + slug, "{\"microsoftTenantId\":\"not a tenant\"}");
        assertThat(badTenant.status()).isEqualTo(422);
        assertThat(badTenant.json().get("field").asText()).isEqualTo("microsoftTenantId");
        assertThat(FAKE.server.findAll(getRequestedFor(urlPathMatching("/v1.0/.*")))).isEmpty();
    }

    static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
