package io.helpdeskverify.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.helpdeskverify.directory.graph.GraphDeltaSyncTest.ADMIN_ID;
import static io.helpdeskverify.directory.graph.GraphImportTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admin consent per customer tenant, and manual edits that win over Microsoft 365 until cleared. */
class ConsentAndOverridesTest extends GraphTestBase {

    static void adminOnlyListing() {
        var fixture = GraphFake.fixture("graph_users_list_select_constructed.json").get("value");
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).willReturn(json(GraphFake.usersPage(null, fixture.get(1)))));
    }

    /** A customer whose email domain is {@code <slug>.example}. */
    String customerWithDomain() {
        String slug = Fixtures.unique("m365d");
        var r = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Contoso %s","defaultRegion":"US","emailDomains":["%s.example"]}"""
                .formatted(slug, slug, slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return slug;
    }

    static void organization(String tenant, String... domains) {
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/organization"))
                .willReturn(json(GraphFake.organization(tenant, "Contoso", domains))));
    }

    String consentState(String slug) {
        var r = api.get("/api/v1/customers/" + slug + "/directory/consent-url");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return query(URI.create(r.json().get("url").asText())).get("state");
    }

    @Test
    void consentRecordsTheTenantOnlyForAStateWeIssued() {
        String slug = customerWithDomain();
        adminOnlyListing();
        var r = api.get("/api/v1/customers/" + slug + "/directory/consent-url");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        URI url = URI.create(r.json().get("url").asText());
        var query = query(url);
        assertThat(url.toString()).startsWith(FAKE.authorityUrl() + "/organizations/v2.0/adminconsent?");
        assertThat(query.get("client_id")).isEqualTo(GraphFake.CLIENT_ID);
        assertThat(query.get("redirect_uri")).isEqualTo("http://127.0.0.1:" + port + "/directory/consent/callback");
        String state = query.get("state");
        assertThat(state).hasSizeGreaterThan(20);
        String tenant = tenant();
        // The tenant has verified the customer's domain (spelled in another case, as Graph may).
        organization(tenant, "mail.other.example", (slug + ".EXAMPLE"));

        // Someone else's state (or none) is refused and changes nothing.
        var forged = browser("/directory/consent/callback?admin_consent=True&tenant=" + tenant + "&state=forged");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("unknown, already used or expired");
        assertThat(api.get("/api/v1/customers/" + slug).json().has("microsoftTenantId")).isFalse();

        var ok = browser("/directory/consent/callback?admin_consent=True&tenant=" + tenant + "&state=" + state);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("connected");
        assertThat(api.get("/api/v1/customers/" + slug).json().get("microsoftTenantId").asText()).isEqualTo(tenant);
        // The domains were read as the app in THAT tenant.
        FAKE.server.verify(postRequestedFor(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")));
        FAKE.server.verify(getRequestedFor(urlPathEqualTo("/v1.0/organization")));
        // Connecting starts the import.
        assertThat(finished(slug).get("added").asInt()).isEqualTo(1);

        var replay = browser("/directory/consent/callback?admin_consent=True&tenant=" + tenant() + "&state=" + state);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/customers/" + slug).json().get("microsoftTenantId").asText()).isEqualTo(tenant);
    }

    @Test
    void aTenantWithoutTheCustomersDomainIsRefusedAndNothingIsLinkedUntilTheDomainIsAdded() {
        String slug = customerWithDomain();
        adminOnlyListing();
        String tenant = tenant();
        organization(tenant, "fabrikam.example");
        String callback = "/directory/consent/callback?admin_consent=True&tenant=" + tenant + "&state="
                + consentState(slug);

        var refused = browser(callback);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Tenant " + tenant + " (Contoso)&#39;s verified domains "
                + "(Contoso.onmicrosoft.com, fabrikam.example) include none of " + slug + "&#39;s email domains ("
                + slug + ".example): ask the customer&#39;s admin to consent with the right tenant, or add the domain "
                + "to the customer");
        assertThat(api.get("/api/v1/customers/" + slug).json().has("microsoftTenantId")).isFalse();
        assertThat(api.get("/api/v1/customers/" + slug + "/directory/sync").status()).as("no import").isNotEqualTo(200);
        FAKE.server.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/users/delta")));

        // The MSP adds the domain; the same link now works (a refusal that linked nothing keeps it).
        assertThat(api.patch("/api/v1/customers/" + slug, "{\"emailDomains\":[\"" + slug + ".example\","
                + "\"fabrikam.example\"]}").status()).isEqualTo(200);
        var ok = browser(callback);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers/" + slug).json().get("microsoftTenantId").asText()).isEqualTo(tenant);
        assertThat(finished(slug).get("added").asInt()).isEqualTo(1);
        assertThat(browser(callback).status()).as("used once it linked").isEqualTo(400);
    }

    @Test
    void aCustomerWithoutEmailDomainsCannotBeLinkedByConsent() {
        String slug = customer();
        String tenant = tenant();
        organization(tenant, "contoso.com");
        var refused = browser("/directory/consent/callback?admin_consent=True&tenant=" + tenant + "&state="
                + consentState(slug));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains(slug + " has no email domains yet").contains("set the customer&#39;s "
                + "email domains first");
        assertThat(api.get("/api/v1/customers/" + slug).json().has("microsoftTenantId")).isFalse();
        FAKE.server.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/organization")));
    }

    @Test
    void whenGraphIsDownConsentSaysTryAgainAndLinksNothing() {
        String slug = customerWithDomain();
        adminOnlyListing();
        String tenant = tenant();
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/organization"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String callback = "/directory/consent/callback?admin_consent=True&tenant=" + tenant + "&state="
                + consentState(slug);

        var refused = browser(callback);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("could not tell which domains tenant " + tenant + " has verified")
                .contains("Reload this page in a minute to try again");
        assertThat(api.get("/api/v1/customers/" + slug).json().has("microsoftTenantId")).isFalse();
        FAKE.server.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/users/delta")));

        organization(tenant, slug + ".example");
        var ok = browser(callback);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers/" + slug).json().get("microsoftTenantId").asText()).isEqualTo(tenant);
    }

    @Test
    void aDeclinedConsentSaysWhy() {
        String slug = customer();
        String state = query(URI.create(api.get("/api/v1/customers/" + slug + "/directory/consent-url").json()
                .get("url").asText())).get("state");
        var declined = browser("/directory/consent/callback?error=access_denied&error_description=The+admin+declined"
                + "&state=" + state);
        assertThat(declined.status()).isEqualTo(400);
        assertThat(declined.body()).contains("access_denied").contains("The admin declined");
        assertThat(api.get("/api/v1/customers/" + slug).json().has("microsoftTenantId")).isFalse();
    }

    @Test
    void aTenantBelongsToOneCustomer() {
        String first = customer();
        String second = customer();
        String tenant = tenant();
        adminOnlyListing();
        connect(first, tenant);
        var r = api.patch("/api/v1/customers/" + second, "{\"microsoftTenantId\":\"" + tenant.toUpperCase() + "\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains(first);
    }

    @Test
    void aMobileSetByHandWinsOverMicrosoft365UntilTheOverrideIsCleared() {
        String slug = customer();
        adminOnlyListing();
        connect(slug, tenant());
        var patched = api.patch("/api/v1/customers/" + slug + "/end-users/admin@contoso.com",
                "{\"mobile\":\"+1 202 555 0177\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("overrides").get(0).asText()).isEqualTo("mobile");
        assertThat(patched.json().get("source").asText()).as("still managed by Microsoft 365").isEqualTo("ENTRA_CLOUD");
        assertThat(patched.json().get("warnings").get(0).asText()).isEqualTo("Mobile number changed just now");
        var events = api.get("/api/v1/events?customer=" + slug + "&type=CONTACT_CHANGED").json();
        assertThat(events.get(0).get("reason").asText()).isEqualTo("mobile +1 ••• ••• ••01 → +1 ••• ••• ••77 by admin API");

        // Microsoft 365 changes the number: the hand-set one stays.
        var page = GraphFake.fixture("graph_users_delta_final_page.json");
        page.putArray("value").add(GraphFake.JSON.createObjectNode().put("id", ADMIN_ID).put("mobilePhone", "425-555-0142"));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).willReturn(json(page.toString())));
        assertThat(sync(slug).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(user(slug, "admin@contoso.com").get("mobile").asText()).isEqualTo("+12025550177");

        var cleared = api.send("DELETE", "/api/v1/customers/" + slug + "/end-users/admin@contoso.com/overrides/mobile",
                null, null, Api.ADMIN_TOKEN, Map.of());
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("mobile").asText()).as("Microsoft 365's latest value").isEqualTo("+14255550142");
        assertThat(cleared.json().get("overrides")).isEmpty();

        var bad = api.send("DELETE", "/api/v1/customers/" + slug + "/end-users/admin@contoso.com/overrides/phone",
                null, null, Api.ADMIN_TOKEN, Map.of());
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void enablingByHandCannotReviveAnAccountMicrosoft365Disabled() {
        String slug = customer();
        var fixture = GraphFake.fixture("graph_users_list_select_constructed.json").get("value");
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).willReturn(json(GraphFake.usersPage(null, fixture.get(2)))));
        connect(slug, tenant());
        var r = api.patch("/api/v1/customers/" + slug + "/end-users/adams@contoso.com", "{\"enabled\":true}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("enabled").asBoolean()).isFalse();
    }

    @Test
    void consentUrlNeedsTheAppToBeConfiguredAndTheCustomerToExist() {
        var r = api.get("/api/v1/customers/no-such-customer/directory/consent-url");
        assertThat(r.status()).isEqualTo(404);
    }

    Api.Response browser(String path) {
        return api.send("GET", path, null, null, null, Map.of());
    }

    static Map<String, String> query(URI url) {
        var out = new LinkedHashMap<String, String>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
