package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.VerificationService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Named API tokens and who may do what with them: the API surface of the RBAC matrix. A
 * technician token starts and decides for its customers, as {@code api:<name>}; another
 * customer's token, an auditor token and a token of another surface are refused with an event and
 * learn nothing.
 */
@HelpdeskTest
class ApiTokensTest {

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;
    @Autowired
    StringRedisTemplate redis;

    Api admin;
    String other;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
        other = Fixtures.unique("other");
        assertThat(admin.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"Other Inc\"}".formatted(other)).status())
                .isEqualTo(201);
    }

    @Test
    void aTechnicianTokenStartsAndDecidesAsItsOwnNameForItsCustomers() {
        String name = Fixtures.unique("psa");
        var tech = admin.issue(name, "[\"TECHNICIAN\"]", "[\"acme\"]");
        String user = new Fixtures(admin).userWithMobileAndEmail();

        var started = tech.post("/api/v1/verifications", "{\"customer\":\"acme\",\"user\":\"%s\",\"method\":\"SMS_CODE\"}"
                .formatted(user));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().at("/technician/platform").asText()).isEqualTo("api");
        assertThat(started.json().at("/technician/id").asText()).isEqualTo(name);
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> tech.get("/api/v1/verifications/" + id).json()
                .get("state").asText(), "SENT"::equals);

        var approved = tech.post("/api/v1/verifications/" + id + "/decision", "{\"decision\":\"approve\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("outcome").asText()).isEqualTo("VERIFIED");
        var requested = events("acme", user).stream().filter(e -> e.get("type").asText().equals("VERIFICATION_REQUESTED"))
                .findFirst().orElseThrow();
        assertThat(requested.get("technicianId").asText()).isEqualTo("api:" + name);
    }

    @Test
    void anotherCustomersTokenLearnsNothingAndIsRecorded() {
        String name = Fixtures.unique("other-tech");
        var outsider = admin.issue(name, "[\"TECHNICIAN\"]", "[\"" + other + "\"]");
        String user = new Fixtures(admin).userWithMobileAndEmail();

        var refused = outsider.post("/api/v1/verifications", "{\"customer\":\"acme\",\"user\":\"%s\"}".formatted(user));
        var unknown = outsider.post("/api/v1/verifications", "{\"customer\":\"no-such-co\",\"user\":\"%s\"}".formatted(user));
        assertThat(refused.status()).isEqualTo(404).isEqualTo(unknown.status());
        assertThat(refused.json().get("detail").asText().replace("acme", "X"))
                .isEqualTo(unknown.json().get("detail").asText().replace("no-such-co", "X"));
        assertThat(refused.json().get("reason").asText()).isEqualTo(unknown.json().get("reason").asText());

        var unauthorized = events("acme", user).stream()
                .filter(e -> e.get("type").asText().equals("UNAUTHORIZED_ACTION")).toList();
        assertThat(unauthorized).hasSize(1);
        assertThat(unauthorized.get(0).get("technicianId").asText()).isEqualTo("api:" + name);
        assertThat(events("acme", user)).extracting(e -> e.get("type").asText()).doesNotContain("VERIFICATION_REQUESTED");

        // Nor can it read or act on acme's verifications.
        String id = new Fixtures(admin).start(user, "EMAIL_CODE", Fixtures.unique("t")).get("id").asText();
        assertThat(outsider.get("/api/v1/verifications/" + id).status()).isEqualTo(404);
        assertThat(outsider.post("/api/v1/verifications/" + id + "/cancel", null).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/verifications/" + id).json().get("state").asText()).isNotEqualTo("CANCELLED");
    }

    @Test
    void anApiTokenCannotDecideWhatAChatTechnicianStarted() {
        String user = new Fixtures(admin).userWithMobileAndEmail();
        var started = verifications.start(new StartRequest("acme", user, Optional.of(Method.SMS_CODE),
                new Technician(Platform.SLACK, Fixtures.unique("U"), "Sam Slack"), "C1"));
        String id = ((StartResult.Started) started).verification().id();
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/v1/verifications/" + id).json()
                .get("state").asText(), "SENT"::equals);

        var refused = admin.post("/api/v1/verifications/" + id + "/decision", "{\"decision\":\"approve\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/verifications/" + id).json().get("state").asText()).isEqualTo("SENT");
        assertThat(events("acme", user)).extracting(e -> e.get("type").asText()).contains("UNAUTHORIZED_ACTION");
    }

    @Test
    void anAuditorReadsButCannotStartAndIsRecordedWhenItTries() {
        String name = Fixtures.unique("auditor");
        var auditor = admin.issue(name, "[\"AUDITOR\"]", "[\"acme\"]");
        String user = new Fixtures(admin).userWithMobileAndEmail();

        var refused = auditor.post("/api/v1/verifications", "{\"customer\":\"acme\",\"user\":\"%s\"}".formatted(user));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(auditor.get("/api/v1/customers").status()).isEqualTo(403);
        assertThat(auditor.get("/api/v1/tokens").status()).isEqualTo(403);

        assertThat(auditor.get("/api/v1/events?customer=acme&limit=5").status()).isEqualTo(200);
        var withoutCustomer = auditor.get("/api/v1/events");
        assertThat(withoutCustomer.status()).isEqualTo(400);
        assertThat(withoutCustomer.json().get("detail").asText()).contains("customer=");
        assertThat(auditor.get("/api/v1/events?customer=" + other).json()).isEmpty();

        var recorded = admin.get("/api/v1/events?type=UNAUTHORIZED_ACTION&limit=200").json();
        var mine = new ArrayList<JsonNode>();
        recorded.forEach(e -> {
            if (e.get("technicianId").asText().equals("api:" + name)) {
                mine.add(e);
            }
        });
        assertThat(mine).isNotEmpty();
        assertThat(mine.get(mine.size() - 1).get("reason").asText()).contains("POST /api/v1/verifications");
    }

    @Test
    void tokensAreShownOnceStoredHashedAndDeadOnceRevoked() {
        String name = Fixtures.unique("rotate");
        var issued = admin.post("/api/v1/tokens", "{\"name\":\"%s\",\"roles\":[\"AUDITOR\"],\"customers\":[\"*\"]}"
                .formatted(name));
        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.json().get("token").asText();
        String id = issued.json().at("/tokenInfo/id").asText();
        assertThat(secret).startsWith("hvt_" + id + ".");
        var auditor = admin.as(secret);
        assertThat(auditor.get("/api/v1/events?limit=1").status()).isEqualTo(200);

        assertThat(admin.get("/api/v1/tokens").body()).contains(name).doesNotContain(secret.substring(25));
        assertThat(admin.get("/api/v1/tokens/" + id).json().get("active").asBoolean()).isTrue();
        var keys = redis.keys("hv:{api-tokens}*");
        assertThat(keys).hasSize(2);
        for (String key : keys) {
            var value = redis.type(key).code().equals("hash") ? redis.opsForHash().entries(key).toString() : "";
            assertThat(value).as(key).doesNotContain(secret.substring(secret.indexOf('.') + 1));
        }

        var duplicate = admin.post("/api/v1/tokens", "{\"name\":\"%s\",\"roles\":[\"AUDITOR\"],\"customers\":[\"*\"]}"
                .formatted(name.toUpperCase()));
        assertThat(duplicate.status()).isEqualTo(409);

        assertThat(admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        var after = auditor.get("/api/v1/events?limit=1");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asText()).contains("revoked");
        assertThat(admin.get("/api/v1/tokens/" + id).json().get("active").asBoolean()).isFalse();

        // Both are on the record, with the admin who did it and never the secret.
        var issuedEvents = admin.get("/api/v1/events?type=API_TOKEN_ISSUED&limit=500").body();
        assertThat(issuedEvents).contains("issued token '" + name + "' (" + id + ")").contains("api:admin")
                .doesNotContain(secret.substring(secret.indexOf('.') + 1));
        assertThat(admin.get("/api/v1/events?type=API_TOKEN_REVOKED&limit=500").body())
                .contains("revoked token '" + name + "' (" + id + ")");
    }

    @Test
    void anExpiredTokenStopsWorking() {
        String expires = Instant.now().plusSeconds(2).toString();
        var issued = admin.post("/api/v1/tokens", "{\"name\":\"%s\",\"roles\":[\"AUDITOR\"],\"customers\":[\"*\"],"
                .formatted(Fixtures.unique("short")) + "\"expiresAt\":\"" + expires + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        var auditor = admin.as(issued.json().get("token").asText());
        assertThat(auditor.get("/api/v1/events?limit=1").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> auditor.get("/api/v1/events?limit=1").status() == 401);
    }

    @Test
    void badTokenRequestsSayWhatToFix() {
        assertProblem(admin.post("/api/v1/tokens", "{\"name\":\"\",\"roles\":[\"AUDITOR\"],\"customers\":[\"*\"]}"),
                422, "name must be");
        assertProblem(admin.post("/api/v1/tokens", "{\"name\":\"admin\",\"roles\":[\"ADMIN\"]}"), 422, "bootstrap");
        assertProblem(admin.post("/api/v1/tokens", "{\"name\":\"x\",\"roles\":[]}"), 422, "roles must name");
        assertProblem(admin.post("/api/v1/tokens", "{\"name\":\"x\",\"roles\":[\"ROOT\"]}"), 422, "ROOT");
        assertProblem(admin.post("/api/v1/tokens", "{\"name\":\"x\",\"roles\":[\"TECHNICIAN\"]}"), 422, "customers must");
        assertProblem(admin.post("/api/v1/tokens", "{\"name\":\"x\",\"roles\":[\"TECHNICIAN\"],\"customers\":[\"nope-co\"]}"),
                422, "No customer 'nope-co'");
        assertProblem(admin.post("/api/v1/tokens", "{\"name\":\"x\",\"roles\":[\"AUDITOR\"],\"customers\":[\"*\"],"
                + "\"expiresAt\":\"2001-01-01T00:00:00Z\"}"), 422, "future");
        assertProblem(admin.delete("/api/v1/tokens/bootstrap"), 409, "ADMIN_API_TOKEN");
        assertProblem(admin.delete("/api/v1/tokens/0123456789abcdef0123"), 404, "No token");
    }

    @Test
    void aTechnicianTokenCannotIssueTokensOrTouchTheDirectory() {
        var tech = admin.technician(Fixtures.unique("climber"));
        assertThat(tech.post("/api/v1/tokens", "{\"name\":\"mine\",\"roles\":[\"ADMIN\"]}").status()).isEqualTo(403);
        assertThat(tech.get("/api/v1/customers/acme/end-users").status()).isEqualTo(403);
        assertThat(tech.post("/api/v1/customers/acme/end-users/alice/enrolments", "{}").status()).isEqualTo(403);
        assertThat(tech.get("/api/v1/events?customer=acme").status()).isEqualTo(403);
    }

    private static void assertProblem(Api.Response r, int status, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains(detail);
    }

    private List<JsonNode> events(String customer, String user) {
        var out = new ArrayList<JsonNode>();
        admin.get("/api/v1/events?customer=" + customer + "&user=" + user + "&limit=200").json().forEach(out::add);
        return out;
    }
}
