package io.helpdeskverify.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import io.helpdeskverify.directory.ldap.LdapFake;
import org.junit.jupiter.api.Test;

/**
 * A customer with both a Microsoft 365 tenant and an on-premises Active Directory: one sync
 * request runs both, one report adds them up, and a user both directories know stays one user.
 */
class GraphAndActiveDirectoryTest extends GraphTestBase {

    @Test
    void oneSyncRunsEverySourceAndOneReportAddsThemUp() throws Exception {
        try (var dc = LdapFake.trusted()) {
            String slug = customer();
            GraphDeltaSyncTest.fullListing();
            assertThat(connect(slug, tenant()).get("added").asInt()).as("Microsoft 365 alone, as before").isEqualTo(3);
            // The tenant's administrator also has an account in the on-premises AD, with the same UPN.
            dc.server.add(new Entry("CN=MOD Administrator," + LdapFake.BASE_DN,
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new com.unboundid.ldap.sdk.Attribute("cn", "MOD Administrator"),
                    new com.unboundid.ldap.sdk.Attribute("sn", "Administrator"),
                    new com.unboundid.ldap.sdk.Attribute("objectCategory", "person"),
                    new com.unboundid.ldap.sdk.Attribute("objectGUID", new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6}),
                    new com.unboundid.ldap.sdk.Attribute("userPrincipalName", "admin@contoso.com"),
                    new com.unboundid.ldap.sdk.Attribute("mobile", "+1 202 555 0177"),
                    new com.unboundid.ldap.sdk.Attribute("userAccountControl", "512"),
                    new com.unboundid.ldap.sdk.Attribute("uSNChanged", "1010")));
            var put = api.put("/api/v1/customers/" + slug + "/directory/ldap", """
                    {"urls":["%s"],"bindDn":"%s","password":"%s","baseDns":["%s"]}"""
                    .formatted(dc.ldapsUrl(), LdapFake.BIND_DN, LdapFake.PASSWORD, LdapFake.BASE_DN));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            GraphDeltaSyncTest.firstDeltaRound();

            var both = sync(slug);

            assertThat(both.get("state").asText()).as(both.toString()).isEqualTo("SUCCEEDED");
            assertThat(both.get("mode").asText()).as("the AD's first sync is a full import").isEqualTo("FULL");
            assertThat(both.get("added").asInt()).as("4 from the Graph delta round, 5 from AD").isEqualTo(9);
            assertThat(both.get("disabled").asInt()).as("the delta round's @removed user").isEqualTo(1);
            assertThat(both.get("rejected").toString()).contains("admin@contoso.com")
                    .contains("is already imported from Microsoft 365 (" + GraphDeltaSyncTest.ADMIN_ID + "): one end user per person");
            assertThat(user(slug, "jdoe@acme.local").get("source").asText()).isEqualTo("AD_ONPREM");
            var admin = user(slug, "admin@contoso.com");
            assertThat(admin.get("externalId").asText()).as("still the one Microsoft 365 user")
                    .isEqualTo(GraphDeltaSyncTest.ADMIN_ID);
            assertThat(admin.get("mobile").asText()).isNotEqualTo("+12025550177");
        }
    }
}
