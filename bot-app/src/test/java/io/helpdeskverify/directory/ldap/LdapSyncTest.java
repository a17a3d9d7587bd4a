package io.helpdeskverify.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.directory.DirectoryService;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Active Directory import end to end: the admin API, the sync over LDAPS against a real LDAP
 * server (UnboundID's in-memory one, AD-shaped), the directory it fills, the events it writes.
 * Each test has its own DC and its own customer; page size 2 (application-test.yml).
 */
@HelpdeskTest
class LdapSyncTest {

    @LocalServerPort
    int port;
    @Autowired
    LdapDirectorySync ldapSync;
    @Autowired
    DirectoryService directory;
    @Autowired
    Clock clock;
    Api api;
    LdapFake dc;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        dc = LdapFake.trusted();
    }

    @AfterEach
    void tearDown() {
        dc.close();
    }

    @Test
    void aFullImportReadsEveryPageAndMapsTheAdAttributes() {
        String slug = connected(dc.ldapsUrl());

        var report = sync(slug);

        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(report.get("mode").asText()).isEqualTo("FULL");
        assertThat(report.get("added").asInt()).as("five users; the computer and the bind account are no users")
                .isEqualTo(5);
        assertThat(dc.searches).as("5 entries in pages of 2, each with the paged-results control")
                .containsExactly(
                        "(&(objectClass=user)(objectClass=person)(!(objectClass=computer))) paged",
                        "(&(objectClass=user)(objectClass=person)(!(objectClass=computer))) paged",
                        "(&(objectClass=user)(objectClass=person)(!(objectClass=computer))) paged");
        assertThat(report.get("rejected")).hasSize(1);
        assertThat(report.get("rejected").get(0).get("user").asText()).isEqualTo("ctypo@acme.local");
        assertThat(report.get("rejected").get(0).get("reason").asText()).startsWith("mobile '12': ")
                .endsWith("; imported without mobile");

        var john = user(slug, "jdoe@acme.local");
        assertThat(john.get("source").asText()).isEqualTo("AD_ONPREM");
        assertThat(john.get("externalId").asText()).as("objectGUID as AD shows it")
                .isEqualTo("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertThat(john.get("displayName").asText()).isEqualTo("John Doe");
        assertThat(john.get("email").asText()).isEqualTo("john.doe@acme.com");
        assertThat(john.get("mobile").asText()).isEqualTo("+12025550101");
        assertThat(john.get("enabled").asBoolean()).isTrue();
        assertThat(john.get("warnings")).as("a new user's contacts are no change").isEmpty();
        var alice = user(slug, "alice.smith@acme.local");
        assertThat(alice.get("mobile").asText()).as("read with the customer's region").isEqualTo("+12025550102");
        assertThat(alice.get("enabled").asBoolean()).as("0x10200: normal account, password never expires").isTrue();
        var bob = user(slug, "bleft@acme.local");
        assertThat(bob.get("enabled").asBoolean()).as("userAccountControl 514 has ACCOUNTDISABLE (0x2)").isFalse();
        assertThat(user(slug, "ctypo@acme.local").has("mobile") && !user(slug, "ctypo@acme.local").get("mobile").isNull())
                .isFalse();
    }

    @Test
    void theNextSyncReadsOnlyWhatChangedAndFlagsTheNewMobile() throws Exception {
        String slug = connected(dc.ldapsUrl());
        sync(slug);
        dc.searches.clear();
        dc.change("John Doe", "mobile", "+1 202 555 0199", 1600);

        var report = sync(slug);

        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(report.get("mode").asText()).isEqualTo("DELTA");
        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(report.get("added").asInt()).isZero();
        assertThat(dc.searches).as("from the highest committed USN the DC reported before the import")
                .containsExactly("(&(&(objectClass=user)(objectClass=person)(!(objectClass=computer)))(uSNChanged>=1501)) paged");
        var john = user(slug, "jdoe@acme.local");
        assertThat(john.get("mobile").asText()).isEqualTo("+12025550199");
        assertThat(john.get("warnings").get(0).asText()).isEqualTo("Mobile number changed just now");
        JsonNode events = api.get("/api/v1/events?customer=" + slug + "&type=CONTACT_CHANGED").json();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("user").asText()).isEqualTo("jdoe@acme.local");
        assertThat(events.get(0).get("reason").asText())
                .isEqualTo("mobile +1 ••• ••• ••01 → +1 ••• ••• ••99 by Active Directory sync");
        assertThat(events.toString()).doesNotContain("2025550199");
    }

    @Test
    void aDeletedAccountIsDisabledByTheNextFullPassNotByAnIncrementalOne() throws Exception {
        String slug = connected(dc.ldapsUrl());
        sync(slug);
        dc.delete("Dan Lee");

        var incremental = sync(slug);
        assertThat(incremental.get("mode").asText()).isEqualTo("DELTA");
        assertThat(incremental.get("disabled").asInt()).as("an incremental pass cannot see deletions").isZero();
        assertThat(user(slug, "dlee@acme.local").get("enabled").asBoolean()).isTrue();

        dc.restoreDatabase();
        var full = sync(slug);

        assertThat(full.get("mode").asText()).as("a new invocation id: USNs no longer compare").isEqualTo("FULL");
        assertThat(full.get("disabled").asInt()).isEqualTo(1);
        var dan = user(slug, "dlee@acme.local");
        assertThat(dan.get("enabled").asBoolean()).as("kept, disabled").isFalse();
        assertThat(dan.get("email").asText()).isEqualTo("dan.lee@acme.com");
        assertThat(user(slug, "jdoe@acme.local").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aWrongPasswordIsToldInWordsAndAFailingSyncDisablesNobody() {
        String slug = connected(dc.ldapsUrl());
        sync(slug);
        var put = api.put("/api/v1/customers/" + slug + "/directory/ldap", body(dc.ldapsUrl(), "wrong-password", ""));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        var test = api.post("/api/v1/customers/" + slug + "/directory/ldap/test", null);

        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().get("ok").asBoolean()).isFalse();
        assertThat(test.json().get("problem").asText()).contains("refused the bind: wrong bind DN or password");
        assertThat(test.body()).doesNotContain("wrong-password");
        // Made a full pass by the changed scope, and still nobody is disabled: the DC could not be read.
        var report = sync(slug);
        assertThat(report.get("state").asText()).isEqualTo("FAILED");
        assertThat(report.get("error").asText()).startsWith("Active Directory: 127.0.0.1:")
                .contains("wrong bind DN or password");
        assertThat(report.get("disabled").asInt()).isZero();
        assertThat(user(slug, "jdoe@acme.local").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void anUntrustedCertificateAnUnreachableDcAndAPinnedCaAreToldApart() throws Exception {
        try (var stranger = LdapFake.untrusted()) {
            String slug = connected(stranger.ldapsUrl());
            var untrusted = test(slug);
            assertThat(untrusted.get("ok").asBoolean()).isFalse();
            assertThat(untrusted.get("problem").asText()).contains("certificate is not trusted");
            assertThat(untrusted.get("fix").asText()).contains("caCertificatePem");
            var failed = sync(slug);
            assertThat(failed.get("state").asText()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).contains("certificate is not trusted");

            // The stranger's own certificate pinned: now it is the one trusted.
            String pem = LdapFake.certificatePem("ldap-tls/untrusted-dc.p12");
            put(slug, stranger.ldapsUrl(), pem);
            assertThat(test(slug).get("ok").asBoolean()).as(test(slug).toString()).isTrue();
            // ... and only it: the DC the JVM trusts is refused under that pin.
            put(slug, dc.ldapsUrl(), pem);
            assertThat(test(slug).get("problem").asText()).contains("certificate is not trusted");
        }
        String slug = connected("ldaps://127.0.0.1:1");
        var unreachable = test(slug);
        assertThat(unreachable.get("problem").asText()).contains("127.0.0.1:1 is unreachable");
        // Failover: the first DC is down, the second answers.
        put(slug, "ldaps://127.0.0.1:1\",\"" + dc.ldapsUrl(), "");
        var failover = test(slug);
        assertThat(failover.get("ok").asBoolean()).as(failover.toString()).isTrue();
        assertThat(failover.get("server").asText()).isEqualTo(dc.ldapsUrl().substring("ldaps://".length()));
        assertThat(failover.get("sampleEntry").asText()).endsWith(LdapFake.BASE_DN);
    }

    @Test
    void startTlsOnThePlainPortWorks() {
        String slug = customer();
        var r = api.put("/api/v1/customers/" + slug + "/directory/ldap", """
                {"urls":["%s"],"bindDn":"%s","password":"%s","baseDns":["%s"],"startTls":true}"""
                .formatted(dc.ldapUrl(), LdapFake.BIND_DN, LdapFake.PASSWORD, LdapFake.BASE_DN));
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        assertThat(test(slug).get("ok").asBoolean()).as(test(slug).toString()).isTrue();
        assertThat(sync(slug).get("added").asInt()).isEqualTo(5);
    }

    @Test
    void theAdminApiRefusesUnsafeOrIncompleteSettingsAndNeverEchoesThePassword() {
        String slug = customer();
        String path = "/api/v1/customers/" + slug + "/directory/ldap";

        var plain = api.put(path, body("ldap://dc1.acme.local", LdapFake.PASSWORD, ""));
        assertThat(plain.status()).as(plain.body()).isEqualTo(422);
        assertThat(plain.json().get("field").asText()).isEqualTo("urls[0]");
        assertThat(plain.json().get("detail").asText()).contains("plain LDAP").contains("allowPlainLdap");
        var notLdap = api.put(path, body("https://dc1.acme.local", LdapFake.PASSWORD, ""));
        assertThat(notLdap.status()).isEqualTo(422);
        assertThat(notLdap.json().get("detail").asText()).contains("is not an LDAP URL");
        var noBase = api.put(path, """
                {"urls":["ldaps://dc1.acme.local"],"bindDn":"x","password":"y","baseDns":[]}""");
        assertThat(noBase.status()).isEqualTo(422);
        assertThat(noBase.json().get("field").asText()).isEqualTo("baseDns");
        var badFilter = api.put(path, """
                {"urls":["ldaps://dc1.acme.local"],"bindDn":"x","password":"y","baseDns":["DC=a"],"filter":"(&(objectClass=user"}""");
        assertThat(badFilter.status()).isEqualTo(422);
        assertThat(badFilter.json().get("field").asText()).isEqualTo("filter");
        var badPem = api.put(path, """
                {"urls":["ldaps://dc1.acme.local"],"bindDn":"x","password":"y","baseDns":["DC=a"],"caCertificatePem":"hello"}""");
        assertThat(badPem.status()).isEqualTo(422);
        assertThat(badPem.json().get("field").asText()).isEqualTo("caCertificatePem");
        var noPassword = api.put(path, """
                {"urls":["ldaps://dc1.acme.local"],"bindDn":"x","baseDns":["DC=a"]}""");
        assertThat(noPassword.status()).isEqualTo(422);
        assertThat(noPassword.json().get("field").asText()).isEqualTo("password");
        var malformed = api.put(path, "{\"urls\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.get(path).status()).as("nothing was stored").isEqualTo(404);

        var allowed = api.put(path, body("ldap://dc1.acme.local", LdapFake.PASSWORD, "")
                .replace("}", ",\"allowPlainLdap\":true}"));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.json().get("passwordSet").asBoolean()).isTrue();
        assertThat(allowed.body()).doesNotContain(LdapFake.PASSWORD);
        // A PUT without the password keeps the stored one.
        var kept = api.put(path, """
                {"urls":["ldaps://dc2.acme.local:3269"],"bindDn":"%s","baseDns":["%s"]}"""
                .formatted(LdapFake.BIND_DN, LdapFake.BASE_DN));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        var got = api.get(path);
        assertThat(got.json().get("urls").get(0).asText()).isEqualTo("ldaps://dc2.acme.local:3269");
        assertThat(got.json().get("passwordSet").asBoolean()).isTrue();
        assertThat(got.json().get("filter").asText()).isEqualTo("(&(objectClass=user)(objectClass=person)(!(objectClass=computer)))");
        assertThat(got.body()).doesNotContain(LdapFake.PASSWORD).doesNotContain("\"password\"");

        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        var refused = api.post("/api/v1/customers/" + slug + "/directory/sync", null);
        assertThat(refused.status()).as("no source left").isEqualTo(409);
    }

    private static final String BASE = "[\"" + LdapFake.BASE_DN + "\"]";

    static final String DOMAIN_ADMINS = "CN=Domain Admins,CN=Users,DC=acme,DC=local";

    @Test
    void aUserInAPrivilegedAdGroupNeedsASecondTechnicianAndOneOutsideItDoesNot() throws Exception {
        dc.server.modify("CN=John Doe," + LdapFake.BASE_DN, new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.REPLACE, "memberOf", DOMAIN_ADMINS,
                "CN=VPN Users,OU=Groups,DC=acme,DC=local"));
        String slug = connected(dc.ldapsUrl());
        var policy = api.patch("/api/v1/customers/" + slug,
                "{\"policy\":{\"dualControl\":{\"highRiskGroups\":[\"domain admins\"]}}}");
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        assertThat(sync(slug).get("state").asText()).isEqualTo("SUCCEEDED");

        var john = user(slug, "jdoe@acme.local");
        assertThat(john.get("groups").toString()).as("memberOf: the CN is the name, the DN the id")
                .contains("{\"name\":\"Domain Admins\",\"id\":\"" + DOMAIN_ADMINS + "\"}")
                .contains("\"name\":\"VPN Users\"");
        assertThat(john.get("dualControl").asText()).isEqualTo("member of Domain Admins");
        var alice = user(slug, "alice.smith@acme.local");
        assertThat(alice.get("groups")).isEmpty();
        assertThat(alice.has("dualControl")).isFalse();

        var started = start(slug, "jdoe@acme.local", "Tech AD");
        assertThat(started.path("dualControl").asBoolean()).isTrue();
        assertThat(started.path("dualControlReason").asText()).isEqualTo("member of Domain Admins");
        String id = started.path("id").asText();
        await().until(() -> api.get("/api/v1/verifications/" + id).json().path("state").asText().equals("SENT"));
        assertThat(approve(id, "Tech AD").path("state").asText()).isEqualTo("AWAITING_SECOND");
        assertThat(api.get("/api/v1/events?customer=" + slug + "&type=VERIFICATION_REQUESTED").body())
                .contains("dual control (member of Domain Admins)");

        var other = start(slug, "alice.smith@acme.local", "Tech AD");
        assertThat(other.has("dualControl")).as("not in the group").isFalse();
        String otherId = other.path("id").asText();
        await().until(() -> api.get("/api/v1/verifications/" + otherId).json().path("state").asText().equals("SENT"));
        assertThat(approve(otherId, "Tech AD").path("state").asText()).isEqualTo("APPROVED");

        // Out of the group in AD (an edit the DC stamps with a new USN): the next pass drops it.
        dc.change("John Doe", "memberOf", "CN=VPN Users,OU=Groups,DC=acme,DC=local", 5000);
        assertThat(sync(slug).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(user(slug, "jdoe@acme.local").has("dualControl")).isFalse();
    }

    private JsonNode start(String slug, String user, String technician) {
        var r = api.technician(technician).post("/api/v1/verifications",
                "{\"customer\":\"%s\",\"user\":\"%s\",\"method\":\"SMS_CODE\"}".formatted(slug, user));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode approve(String id, String technician) {
        var r = api.technician(technician).post("/api/v1/verifications/" + id + "/decision", "{\"decision\":\"approve\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aWrongBaseDnAReferralAndAnEntryWithoutObjectGuidAreNamed() throws Exception {
        dc.server.add("dn: OU=Branch,DC=acme,DC=local", "objectClass: top", "objectClass: referral",
                "objectClass: extensibleObject", "ou: Branch", "ref: ldaps://dc1.branch.acme.local/OU=Branch,DC=branch,DC=acme,DC=local");
        String slug = customer();
        String path = "/api/v1/customers/" + slug + "/directory/ldap";
        var missing = api.put(path, body(dc.ldapsUrl(), LdapFake.PASSWORD, "").replace(BASE, "[\"OU=Nobody,DC=acme,DC=local\"]"));
        assertThat(missing.status()).as(missing.body()).isEqualTo(200);
        assertThat(test(slug).get("problem").asText()).isEqualTo("The base DN 'OU=Nobody,DC=acme,DC=local' does not exist on the controller.");

        api.put(path, body(dc.ldapsUrl(), LdapFake.PASSWORD, "").replace(BASE, "[\"OU=Branch,DC=acme,DC=local\"]"));
        var referral = test(slug);
        assertThat(referral.get("problem").asText()).contains("refers the search of 'OU=Branch,DC=acme,DC=local' elsewhere")
                .contains("ldaps://dc1.branch.acme.local");
        var failed = sync(slug);
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("the base DN is not in its domain");

        // A filter of its own that lets the computer account in: it has no objectGUID, so it is named and skipped.
        var wide = api.put(path, body(dc.ldapsUrl(), LdapFake.PASSWORD, "").replace("}", ",\"filter\":\"(objectClass=user)\"}"));
        assertThat(wide.status()).as(wide.body()).isEqualTo(200);
        var report = sync(slug);
        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(report.get("added").asInt()).isEqualTo(5);
        assertThat(report.get("rejected").toString()).contains("CN=WS-0042," + LdapFake.BASE_DN)
                .contains("no 16-byte objectGUID");
    }

    @Test
    void theScheduleSyncsAConnectedCustomerOnceEveryIntervalAndRetriesAFailureSooner() {
        String slug = customer();
        assertThat(ldapSync.due(directory.customer(slug), clock.instant())).as("no connection").isFalse();
        put(slug, dc.ldapsUrl(), "");
        assertThat(ldapSync.due(directory.customer(slug), clock.instant())).as("never synced").isTrue();
        sync(slug);
        var customer = directory.customer(slug);
        assertThat(ldapSync.due(customer, clock.instant())).isFalse();
        assertThat(ldapSync.due(customer, clock.instant().plus(Duration.ofMinutes(31)))).as("the 30 m interval").isTrue();

        dc.close();
        assertThat(sync(slug).get("state").asText()).isEqualTo("FAILED");
        assertThat(ldapSync.due(customer, clock.instant().plus(Duration.ofMinutes(4)))).isFalse();
        assertThat(ldapSync.due(customer, clock.instant().plus(Duration.ofMinutes(6)))).as("5 m back-off").isTrue();
    }

    private String customer() {
        String slug = Fixtures.unique("ad");
        var r = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Acme %s","defaultRegion":"US"}""".formatted(slug, slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return slug;
    }

    /** A new customer connected to the DC at {@code url} with the right password. */
    private String connected(String url) {
        String slug = customer();
        put(slug, url, "");
        return slug;
    }

    private void put(String slug, String urls, String pem) {
        var r = api.put("/api/v1/customers/" + slug + "/directory/ldap", body(urls, LdapFake.PASSWORD, pem));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String body(String urls, String password, String pem) {
        return """
                {"urls":["%s"],"bindDn":"%s","password":"%s","baseDns":["%s"]%s}""".formatted(urls, LdapFake.BIND_DN,
                password, LdapFake.BASE_DN, pem.isEmpty() ? "" : ",\"caCertificatePem\":\"" + pem.replace("\n", "\\n") + "\"");
    }

    private JsonNode test(String slug) {
        var r = api.post("/api/v1/customers/" + slug + "/directory/ldap/test", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode sync(String slug) {
        var r = api.post("/api/v1/customers/" + slug + "/directory/sync", null);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var g = api.get("/api/v1/customers/" + slug + "/directory/sync");
            return g.status() == 200 ? g.json() : null;
        }, j -> j != null && !j.get("state").asText().equals("RUNNING"));
    }

    private JsonNode user(String slug, String username) {
        var r = api.get("/api/v1/customers/" + slug + "/end-users/" + username);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
