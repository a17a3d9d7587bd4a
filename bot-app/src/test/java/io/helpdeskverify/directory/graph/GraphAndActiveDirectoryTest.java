package io.helpdeskverify.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.helpdeskverify.directory.graph.GraphImportTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import io.helpdeskverify.directory.ldap.LdapFake;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer with both a Microsoft 365 tenant and an on-premises Active Directory: one sync
 * request runs both, one report adds them up, and a person both directories know is one end user
 * with both sources, whichever directory last changed a contact winning.
 */
class GraphAndActiveDirectoryTest extends GraphTestBase {

    static final String JANE_ID = "7a3c2e10-5b6d-4f8e-9a1b-2c3d4e5f6a7b";
    /** Jane's AD objectGUID as LDAP returns it; Entra Connect puts the same bytes, base64, in onPremisesImmutableId. */
    static final byte[] JANE_GUID = {0x10, 0x32, 0x54, 0x76, (byte) 0x98, (byte) 0xba, (byte) 0xdc, (byte) 0xfe,
        0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xab, (byte) 0xcd, (byte) 0xef};
    static final String JANE_GUID_TEXT = "76543210-ba98-fedc-0123-456789abcdef";

    @Test
    void oneSyncRunsEverySourceAndOneReportAddsThemUp() throws Exception {
        try (var dc = LdapFake.trusted()) {
            String slug = customer();
            GraphDeltaSyncTest.fullListing();
            assertThat(connect(slug, tenant()).get("added").asInt()).as("Microsoft 365 alone, as before").isEqualTo(3);
            // The tenant's administrator also has an account in the on-premises AD, with the same UPN.
            dc.server.add(adUser("MOD Administrator", new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6},
                    "admin@contoso.com", null, "+1 202 555 0177", 1010));
            connectAd(slug, dc);
            GraphDeltaSyncTest.firstDeltaRound();

            var both = sync(slug);

            assertThat(both.get("state").asText()).as(both.toString()).isEqualTo("SUCCEEDED");
            assertThat(both.get("mode").asText()).as("the AD's first sync is a full import").isEqualTo("FULL");
            assertThat(both.get("added").asInt()).as("4 from the Graph delta round, 5 from AD").isEqualTo(9);
            assertThat(both.get("disabled").asInt()).as("the delta round's @removed user").isEqualTo(1);
            assertThat(both.get("rejected").toString()).as("told, not hidden: the two directories disagree")
                    .contains("mobile +1 ••• ••• ••77 differs from Microsoft 365's +1 ••• ••• ••01")
                    .doesNotContain("already imported");
            assertThat(both.get("sources").toString()).contains("Microsoft 365", "Active Directory");
            assertThat(user(slug, "jdoe@acme.local").get("source").asText()).isEqualTo("AD_ONPREM");
            var admin = user(slug, "admin@contoso.com");
            assertThat(admin.get("externalId").asText()).as("the first directory's id").isEqualTo(GraphDeltaSyncTest.ADMIN_ID);
            assertThat(directories(admin)).containsExactly("GRAPH:" + GraphDeltaSyncTest.ADMIN_ID,
                    "AD_ONPREM:06070809-0405-0203-0100-010203040506");
            assertThat(admin.get("mobile").asText()).as("neither is known to be newer: the first stays")
                    .isEqualTo("+14255550101");

            // Deleted in AD, seen by AD's next full pass (a restored DC database forces one): Microsoft 365 still has him.
            dc.delete("MOD Administrator");
            dc.restoreDatabase();
            graphRound(GraphDeltaSyncTest.DELTA_TOKEN, "round-3");

            var full = sync(slug);

            assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("SUCCEEDED");
            admin = user(slug, "admin@contoso.com");
            assertThat(admin.get("enabled").asBoolean()).as("only the AD source went").isTrue();
            assertThat(directories(admin)).containsExactly("GRAPH:" + GraphDeltaSyncTest.ADMIN_ID);
        }
    }

    @Test
    void aPersonInBothDirectoriesIsOneEndUserAndTheDirectoryThatLastChangedAContactWins() throws Exception {
        try (var dc = LdapFake.trusted()) {
            String slug = customer();
            // Jane's Microsoft 365 account is synced from AD: a different UPN, but onPremisesImmutableId = her objectGUID.
            graphImport(jane("jane@contoso.com", "+1 202 555 0160"));
            assertThat(connect(slug, tenant()).get("added").asInt()).isEqualTo(1);
            dc.server.add(adUser("Jane Roe", JANE_GUID, "jroe@acme.local", "jane@contoso.com", "+1 202 555 0160", 1010));
            connectAd(slug, dc);
            graphRound(GraphFake.IMPORT_TOKEN, "round-2");

            var linked = sync(slug);

            assertThat(linked.get("state").asText()).as(linked.toString()).isEqualTo("SUCCEEDED");
            assertThat(linked.get("added").asInt()).as("the 5 other AD users; Jane is not added twice").isEqualTo(5);
            var janeUser = user(slug, "jane@contoso.com");
            assertThat(directories(janeUser)).containsExactly("GRAPH:" + JANE_ID, "AD_ONPREM:" + JANE_GUID_TEXT);
            assertThat(janeUser.get("accountName").asText()).as("AD's sAMAccountName, for /verify").isEqualTo("jroe");
            assertThat(api.get("/api/v1/customers/" + slug + "/end-users/jroe@acme.local").status())
                    .as("no second end user").isEqualTo(404);

            // AD changes the mobile; Microsoft 365 sends Jane again with the mobile it always had.
            dc.change("Jane Roe", "mobile", "+1 202 555 0161", 1600);
            graphRound("round-2", "round-3", jane("jane@contoso.com", "+1 202 555 0160"));

            var adChange = sync(slug);

            assertThat(adChange.get("state").asText()).as(adChange.toString()).isEqualTo("SUCCEEDED");
            janeUser = user(slug, "jane@contoso.com");
            assertThat(janeUser.get("mobile").asText()).as("AD changed it: AD wins").isEqualTo("+12025550161");
            assertThat(janeUser.get("warnings").get(0).asText()).isEqualTo("Mobile number changed just now");

            // Microsoft 365 changes the email, its mobile still the old one; AD reads Jane again (uSNChanged 1600), unchanged.
            graphRound("round-3", "round-4", jane("jane.roe@contoso.com", "+1 202 555 0160"));

            var graphChange = sync(slug);

            assertThat(graphChange.get("state").asText()).as(graphChange.toString()).isEqualTo("SUCCEEDED");
            assertThat(dc.searches).as("AD read Jane again").anyMatch(s -> s.contains("uSNChanged>=1501"));
            janeUser = user(slug, "jane@contoso.com");
            assertThat(janeUser.get("email").asText()).as("Microsoft 365 changed it: Microsoft 365 wins")
                    .isEqualTo("jane.roe@contoso.com");
            assertThat(janeUser.get("mobile").asText()).as("Microsoft 365's unchanged mobile does not take it back")
                    .isEqualTo("+12025550161");

            JsonNode events = api.get("/api/v1/events?customer=" + slug + "&type=CONTACT_CHANGED").json();
            var reasons = new ArrayList<String>();
            events.forEach(e -> reasons.add(e.get("user").asText() + ": " + e.get("reason").asText()));
            assertThat(reasons).hasSize(2).anyMatch(r -> r.equals(
                    "jane@contoso.com: mobile +1 ••• ••• ••60 → +1 ••• ••• ••61 by Active Directory sync"))
                    .anyMatch(r -> r.startsWith("jane@contoso.com: email ") && r.endsWith(" by Microsoft 365 sync"));

            // Gone from Microsoft 365 (out of its sync scope): AD still has her, so she stays, enabled, with one source.
            var removed = GraphFake.JSON.createObjectNode().put("id", JANE_ID);
            removed.putObject("@removed").put("reason", "changed");
            graphRound("round-4", "round-5", removed);

            var graphRemoval = sync(slug);

            assertThat(graphRemoval.get("state").asText()).as(graphRemoval.toString()).isEqualTo("SUCCEEDED");
            assertThat(graphRemoval.get("disabled").asInt()).isZero();
            janeUser = user(slug, "jane@contoso.com");
            assertThat(janeUser.get("enabled").asBoolean()).isTrue();
            assertThat(directories(janeUser)).containsExactly("AD_ONPREM:" + JANE_GUID_TEXT);
            assertThat(janeUser.get("email").asText()).as("what the directories last said stays")
                    .isEqualTo("jane.roe@contoso.com");

            // Disabled in AD, the one source left: disabled here.
            dc.change("Jane Roe", "userAccountControl", "514", 1601);
            graphRound("round-5", "round-6");
            sync(slug);
            assertThat(user(slug, "jane@contoso.com").get("enabled").asBoolean()).isFalse();
        }
    }

    @Test
    void microsoft365ConnectedAfterAdFindsThePersonByTheObjectGuidItIsSyncedFrom() throws Exception {
        try (var dc = LdapFake.trusted()) {
            String slug = customer();
            dc.server.add(adUser("Jane Roe", JANE_GUID, "jroe@acme.local", "jane@contoso.com", "+1 202 555 0160", 1010));
            connectAd(slug, dc);
            assertThat(sync(slug).get("added").asInt()).as("AD alone: Jane and the 5 others").isEqualTo(6);

            graphImport(jane("jane@contoso.com", "+1 202 555 0160"));
            var both = connect(slug, tenant());

            assertThat(both.get("state").asText()).as(both.toString()).isEqualTo("SUCCEEDED");
            var janeUser = user(slug, "jroe@acme.local");
            assertThat(directories(janeUser)).containsExactly("AD_ONPREM:" + JANE_GUID_TEXT, "GRAPH:" + JANE_ID);
            assertThat(janeUser.get("source").asText()).as("the first directory's").isEqualTo("AD_ONPREM");
            assertThat(janeUser.get("upn").asText()).isEqualTo("jroe@acme.local");
            assertThat(api.get("/api/v1/customers/" + slug + "/end-users/jane@contoso.com").status())
                    .as("a different UPN, the same objectGUID: no second end user").isEqualTo(404);
        }
    }

    private void connectAd(String slug, LdapFake dc) {
        var put = api.put("/api/v1/customers/" + slug + "/directory/ldap", """
                {"urls":["%s"],"bindDn":"%s","password":"%s","baseDns":["%s"]}"""
                .formatted(dc.ldapsUrl(), LdapFake.BIND_DN, LdapFake.PASSWORD, LdapFake.BASE_DN));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private static ObjectNode jane(String mail, String mobile) {
        var u = GraphFake.user(JANE_ID, "jane@contoso.com", "Jane Roe", mobile, true);
        u.put("mail", mail);
        u.put("onPremisesImmutableId", Base64.getEncoder().encodeToString(JANE_GUID));
        return u;
    }

    /** The import: a delta round without a token, ending with the import's deltaLink. */
    private static void graphImport(JsonNode... users) {
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", absent())
                .withQueryParam("$skiptoken", absent()).willReturn(json(GraphFake.usersPage(null, users))));
    }

    /** The delta round from {@code token}: these users, then the deltaLink with {@code next}. */
    private static void graphRound(String token, String next, JsonNode... users) {
        var page = (ObjectNode) GraphFake.JSON.valueToTree(GraphFake.fixture("graph_users_delta_final_page.json"));
        page.put("@odata.deltaLink", "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=" + next);
        var value = page.putArray("value");
        for (JsonNode u : users) {
            value.add(u);
        }
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", equalTo(token))
                .willReturn(json(page.toString())));
    }

    private static Entry adUser(String cn, byte[] guid, String upn, String mail, String mobile, long usn) {
        var attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", cn), new Attribute("sn", cn.substring(cn.indexOf(' ') + 1)),
                new Attribute("objectCategory", "person"), new Attribute("objectGUID", guid),
                new Attribute("userPrincipalName", upn),
                new Attribute("sAMAccountName", upn.substring(0, upn.indexOf('@'))),
                new Attribute("mobile", mobile), new Attribute("userAccountControl", "512"),
                new Attribute("uSNChanged", Long.toString(usn))));
        if (mail != null) {
            attributes.add(new Attribute("mail", mail));
        }
        return new Entry("CN=" + cn + "," + LdapFake.BASE_DN, attributes);
    }

    /** "GRAPH:<id>", "AD_ONPREM:<guid>": the directories the API says have the user, in order. */
    private static List<String> directories(JsonNode user) {
        var out = new ArrayList<String>();
        user.get("sources").forEach(s -> out.add(s.get("directory").asText() + ":" + s.get("externalId").asText()));
        return out;
    }
}
