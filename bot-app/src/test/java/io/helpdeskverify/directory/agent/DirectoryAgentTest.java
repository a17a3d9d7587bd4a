package io.helpdeskverify.directory.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.directory.ldap.LdapFake;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The directory agent against a running bot: the bot on its random port, the agent's own context
 * (as {@code java -jar bot-app.jar --agent} starts it) pointed at it with an AGENT token, and an
 * AD-shaped InMemoryDirectoryServer over LDAPS as the customer's domain controller.
 */
@HelpdeskTest
class DirectoryAgentTest {

    @LocalServerPort
    int port;
    @TempDir
    Path stateDir;
    Api admin;
    LdapFake dc;
    String slug;
    Api agentToken;
    final List<ConfigurableApplicationContext> agents = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        admin = new Api(port);
        dc = LdapFake.trusted();
        slug = Fixtures.unique("agent");
        var r = admin.post("/api/v1/customers", """
                {"slug":"%s","name":"Agent %s","defaultRegion":"US"}""".formatted(slug, slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        agentToken = admin.issue(slug + " agent", "[\"AGENT\"]", "[\"" + slug + "\"]");
    }

    @AfterEach
    void tearDown() {
        agents.forEach(ConfigurableApplicationContext::close);
        dc.close();
    }

    @Test
    void changesArriveAndTheAgentResumesFromItsCursorAfterARestart() throws Exception {
        dc.server.modify("CN=John Doe," + LdapFake.BASE_DN, new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.REPLACE, "memberOf", "CN=Domain Admins,CN=Users,DC=acme,DC=local"));
        var first = startAgent();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(stateDir.resolve("cursor.json")));
        var john = user("jdoe@acme.local");
        assertThat(john.get("source").asText()).isEqualTo("AD_ONPREM");
        assertThat(john.get("externalId").asText()).isEqualTo("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertThat(john.get("mobile").asText()).isEqualTo("+12025550101");
        assertThat(john.get("groups").toString()).as("memberOf, carried in the agent's batch")
                .isEqualTo("[{\"name\":\"Domain Admins\",\"id\":\"CN=Domain Admins,CN=Users,DC=acme,DC=local\"}]");
        assertThat(user("bleft@acme.local").get("enabled").asBoolean()).as("userAccountControl 514").isFalse();
        assertThat(admin.get("/api/v1/customers/" + slug + "/end-users").json().toString())
                .contains("alice.smith@acme.local", "ctypo@acme.local", "dlee@acme.local");
        assertThat(dc.searches).as("a full pass, 5 users in pages of 2").hasSize(3)
                .allMatch(s -> !s.contains("uSNChanged"));

        first.close();
        dc.searches.clear();
        dc.change("John Doe", "mobile", "+1 202 555 0199", 1600);
        dc.change("Alice Smith", "userAccountControl", "514", 1601);
        startAgent();

        await().atMost(Duration.ofSeconds(30)).until(() -> user("alice.smith@acme.local").get("enabled").asBoolean(),
                enabled -> !enabled);
        assertThat(user("jdoe@acme.local").get("mobile").asText()).isEqualTo("+12025550199");
        assertThat(user("jdoe@acme.local").get("warnings").get(0).asText()).isEqualTo("Mobile number changed just now");
        assertThat(dc.searches).as("resumed from the cursor the first run left: only what changed since USN 1500")
                .containsExactly("(&(&(objectClass=user)(objectClass=person)(!(objectClass=computer)))(uSNChanged>=1501)) paged");
        JsonNode events = admin.get("/api/v1/events?customer=" + slug + "&type=CONTACT_CHANGED").json();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("reason").asText())
                .isEqualTo("mobile +1 ••• ••• ••01 → +1 ••• ••• ••99 by Active Directory sync");
    }

    @Test
    void theAgentsLastPushIsReportedLikeTheOtherSourcesWithTheEntriesItCouldNotMap() throws Exception {
        assertThat(admin.get("/api/v1/customers/" + slug + "/directory/sync").status()).as("no push yet").isEqualTo(404);
        // A filter of its own that lets the computer account in: it has no objectGUID, so the agent cannot map it.
        startAgent("--agent.filter=(objectClass=user)").close();

        var report = admin.get("/api/v1/customers/" + slug + "/directory/sync");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var last = report.json();
        assertThat(last.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(last.get("mode").asText()).isEqualTo("FULL");
        assertThat(last.get("requestedBy").asText()).isEqualTo("directory agent");
        assertThat(last.get("added").asInt()).as("one snapshot of 4 pages, reported as one pass").isEqualTo(5);
        assertThat(last.get("rejected").toString()).contains("CN=WS-0042," + LdapFake.BASE_DN)
                .contains("not sent by the agent: no 16-byte objectGUID").contains("ctypo@acme.local");
        var source = last.get("sources").get(0);
        assertThat(source.get("source").asText()).isEqualTo("Directory agent");
        assertThat(source.get("rejected").asInt()).isEqualTo(2);
        assertThat(source.get("lastFullSyncAt").asText()).as("the complete snapshot").isNotEmpty();
        assertThat(source.get("finishedAt").asText()).as("the last push").isNotEmpty();

        // The bot cannot start the agent: a sync request answers with its last push.
        var start = admin.post("/api/v1/customers/" + slug + "/directory/sync", null);
        assertThat(start.status()).as(start.body()).isEqualTo(202);
        assertThat(start.json().get("added").asInt()).isEqualTo(5);

        // A pass of changes is a new pass: its counts replace the snapshot's, the snapshot's time stays.
        dc.change("John Doe", "mobile", "+1 202 555 0199", 1600);
        startAgent("--agent.filter=(objectClass=user)");
        var changes = admin.get("/api/v1/customers/" + slug + "/directory/sync").json();
        assertThat(changes.get("mode").asText()).isEqualTo("DELTA");
        assertThat(changes.get("updated").asInt()).isEqualTo(1);
        assertThat(changes.get("added").asInt()).isZero();
        assertThat(changes.get("sources").get(0).get("lastFullSyncAt").asText())
                .isEqualTo(source.get("lastFullSyncAt").asText());
    }

    @Test
    void aDeletedAccountIsDisabledByTheNextFullSnapshot() throws Exception {
        startAgent().close();
        assertThat(user("dlee@acme.local").get("enabled").asBoolean()).isTrue();
        dc.delete("Dan Lee");
        dc.restoreDatabase();

        startAgent();

        await().atMost(Duration.ofSeconds(30)).until(() -> user("dlee@acme.local").get("enabled").asBoolean(),
                enabled -> !enabled);
        assertThat(user("dlee@acme.local").get("email").asText()).as("kept, disabled").isEqualTo("dan.lee@acme.com");
        assertThat(user("jdoe@acme.local").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aBatchsGroupsReplaceTheUsersAdGroupsAndABatchWithoutGroupsFromAnOlderAgentKeepsThem() {
        String guid = "0f2504e0-4f89-41d3-9a0c-0305e82c3398";
        String user = """
                {"objectGuid":"%s","userPrincipalName":"fay@acme.local","displayName":"Fay","enabled":true%s}""";
        var with = push("{\"batchId\":\"g-1\",\"full\":false,\"passId\":\"p-1\",\"users\":[" + user.formatted(guid,
                ",\"groups\":[{\"name\":\"Executives\",\"id\":\"CN=Executives,OU=Groups,DC=acme,DC=local\"}]") + "]}");
        assertThat(with.status()).as(with.body()).isEqualTo(200);
        assertThat(user("fay@acme.local").get("groups").get(0).get("id").asText())
                .isEqualTo("CN=Executives,OU=Groups,DC=acme,DC=local");

        var older = push("{\"batchId\":\"g-2\",\"full\":false,\"passId\":\"p-2\",\"users\":["
                + user.formatted(guid, ",\"displayName\":\"Fay B\"").replace("\"displayName\":\"Fay\",", "") + "]}");
        assertThat(older.status()).as(older.body()).isEqualTo(200);
        var fay = user("fay@acme.local");
        assertThat(fay.get("displayName").asText()).isEqualTo("Fay B");
        assertThat(fay.get("groups")).as("no groups sent: the ones known stay").hasSize(1);

        push("{\"batchId\":\"g-3\",\"full\":false,\"passId\":\"p-3\",\"users\":["
                + user.formatted(guid, ",\"groups\":[]") + "]}");
        assertThat(user("fay@acme.local").get("groups")).as("an empty list: in no group now").isEmpty();

        var many = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"G").append(i).append("\",\"id\":\"CN=G").append(i)
                    .append(",OU=Groups,DC=acme,DC=local\"}");
        }
        var capped = push("{\"batchId\":\"g-4\",\"full\":false,\"passId\":\"p-4\",\"users\":["
                + user.formatted(guid, ",\"groups\":[" + many + "]") + "]}");
        assertThat(capped.json().get("rejected").get(0).get("reason").asText())
                .isEqualTo("1001 groups: only the first 1000 are kept");
        assertThat(user("fay@acme.local").get("groups")).hasSize(1000);
    }

    @Test
    void aSnapshotThatBreaksOffDisablesNobodyAndARetriedBatchIsAppliedOnce() {
        String guid = "0f2504e0-4f89-41d3-9a0c-0305e82c3399";
        var first = push("""
                {"batchId":"b-1","full":true,"snapshotId":"s-1","page":0,"complete":false,
                 "users":[{"objectGuid":"%s","samAccountName":"eve","userPrincipalName":"eve@acme.local",
                           "displayName":"Eve","mobile":"+1 202 555 0110","enabled":true}]}""".formatted(guid));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("added").asInt()).isEqualTo(1);
        var again = push("""
                {"batchId":"b-1","full":true,"snapshotId":"s-1","page":0,"complete":false,"users":[]}""");
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().get("added").asInt()).as("the first answer, nothing applied again").isEqualTo(1);

        var gap = push("""
                {"batchId":"b-3","full":true,"snapshotId":"s-1","page":2,"complete":true,"users":[]}""");
        assertThat(gap.status()).as(gap.body()).isEqualTo(409);
        assertThat(gap.json().get("reason").asText()).isEqualTo("snapshot_out_of_order");
        assertThat(user("eve@acme.local").get("enabled").asBoolean()).as("a broken snapshot disables nobody").isTrue();

        var other = push("""
                {"batchId":"c-0","full":true,"snapshotId":"s-2","page":0,"complete":false,"users":[]}""");
        assertThat(other.status()).isEqualTo(200);
        var end = push("""
                {"batchId":"c-1","full":true,"snapshotId":"s-2","page":1,"complete":true,"users":[]}""");
        assertThat(end.status()).as(end.body()).isEqualTo(200);
        assertThat(end.json().get("disabled").asInt()).as("a whole snapshot that did not name Eve").isEqualTo(1);
        assertThat(user("eve@acme.local").get("enabled").asBoolean()).isFalse();

        var bad = push("""
                {"batchId":"d-1","full":false,"users":[{"objectGuid":"not-a-guid","userPrincipalName":"x@acme.local"}]}""");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.json().get("rejected").get(0).get("reason").asText()).contains("is not a GUID");
        assertThat(push("{\"full\":false,\"users\":[]}").status()).as("no batchId").isEqualTo(422);
    }

    @Test
    void anAgentTokenWritesItsOwnCustomerOnlyAndARevokedOneIsRefused() {
        var otherCustomer = agentToken.post("/api/v1/customers/acme/directory/agent/changes",
                "{\"batchId\":\"x-1\",\"full\":false,\"users\":[]}");
        assertThat(otherCustomer.status()).as(otherCustomer.body()).isEqualTo(403);
        assertThat(otherCustomer.contentType()).startsWith("application/problem+json");
        for (String[] route : List.of(new String[] {"GET", "/api/v1/customers"},
                new String[] {"GET", "/api/v1/customers/" + slug},
                new String[] {"GET", "/api/v1/customers/" + slug + "/end-users"},
                new String[] {"POST", "/api/v1/customers/" + slug + "/directory/sync"},
                new String[] {"GET", "/api/v1/customers/" + slug + "/directory/ldap"},
                new String[] {"POST", "/api/v1/verifications"},
                new String[] {"GET", "/api/v1/events?customer=" + slug},
                new String[] {"GET", "/api/v1/tokens"},
                new String[] {"POST", "/api/v1/tokens"},
                new String[] {"GET", "/actuator/prometheus"},
                new String[] {"GET", "/api/v1/customers/" + slug + "/directory/agent/changes"})) {
            var r = agentToken.send(route[0], route[1], route[0].equals("POST") ? "{}" : null, "application/json",
                    agentToken.bearer(), java.util.Map.of());
            assertThat(r.status()).as(route[0] + " " + route[1] + ": " + r.body()).isEqualTo(403);
        }

        String id = null;
        for (var t : admin.get("/api/v1/tokens").json()) {
            if (t.get("name").asText().equals(slug + " agent")) {
                id = t.get("id").asText();
                assertThat(t.get("roles").toString()).isEqualTo("[\"AGENT\"]");
                assertThat(t.get("customers").toString()).isEqualTo("[\"" + slug + "\"]");
            }
        }
        assertThat(admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        var revoked = push("{\"batchId\":\"r-1\",\"full\":false,\"users\":[]}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(401);
    }

    @Test
    void anAgentTokenHoldsNoOtherRoleAndReachesExactlyOneCustomer() {
        for (String body : List.of(
                "{\"name\":\"%s\",\"roles\":[\"AGENT\",\"AUDITOR\"],\"customers\":[\"%s\"]}",
                "{\"name\":\"%s\",\"roles\":[\"AGENT\"],\"customers\":[\"%s\",\"acme\"]}",
                "{\"name\":\"%s\",\"roles\":[\"AGENT\"],\"customers\":[\"*\"]}")) {
            var r = admin.post("/api/v1/tokens", body.formatted(Fixtures.unique("bad agent"), slug));
            assertThat(r.status()).as(body + ": " + r.body()).isEqualTo(422);
        }
    }

    private Api.Response push(String body) {
        return agentToken.post("/api/v1/customers/" + slug + "/directory/agent/changes", body);
    }

    private ConfigurableApplicationContext startAgent(String... more) {
        var args = new ArrayList<>(List.of(
                "--agent.bot-url=http://127.0.0.1:" + port,
                "--agent.token=" + agentToken.bearer(),
                "--agent.customer=" + slug,
                "--agent.ldap-urls=" + dc.ldapsUrl(),
                "--agent.bind-dn=" + LdapFake.BIND_DN,
                "--agent.bind-password=" + LdapFake.PASSWORD,
                "--agent.base-dns=" + LdapFake.BASE_DN,
                "--agent.state-dir=" + stateDir,
                "--agent.interval=1h",
                "--agent.page-size=2",
                "--agent.retry-initial=10ms"));
        args.addAll(List.of(more));
        var context = AgentApplication.start(args.toArray(String[]::new));
        agents.add(context);
        // The first pass runs at start; it is done when a new cursor file replaced the old one.
        Object before = cursorFile();
        await().atMost(Duration.ofSeconds(30)).until(() -> !java.util.Objects.equals(cursorFile(), before));
        return context;
    }

    /** The cursor file's identity: every write moves a new file over the old one. */
    private Object cursorFile() {
        try {
            var file = stateDir.resolve("cursor.json");
            return Files.exists(file) ? Files.readAttributes(file, BasicFileAttributes.class).fileKey() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private JsonNode user(String username) {
        var r = admin.get("/api/v1/customers/" + slug + "/end-users/" + username);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
