package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input gets a 4xx problem detail that says what to fix: never a 500, never partial state. */
@HelpdeskTest
class BadInputTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static Stream<Arguments> badStarts() {
        return Stream.of(
                Arguments.of("{\"customer\":\"nope\",\"user\":\"alice\"}", 404, "No customer"),
                Arguments.of("{\"customer\":\"acme\",\"user\":\"nobody\"}", 404, "No end user"),
                Arguments.of("{\"customer\":\"acme\",\"user\":\"bob\",\"method\":\"EMAIL_CODE\"}", 422,
                        "no email address"),
                Arguments.of("{\"customer\":\"acme\",\"user\":\"carol\",\"method\":\"SMS_CODE\"}", 422,
                        "no mobile number"),
                Arguments.of("{\"customer\":\"acme\",\"user\":\"alice\",\"method\":\"FAX\"}", 422, "method must be"),
                Arguments.of("{\"customer\":\"acme\"}", 422, "customer and user are required"),
                // The token is the technician: a body cannot claim to be someone else.
                Arguments.of("{\"customer\":\"acme\",\"user\":\"alice\",\"technician\":{\"platform\":\"slack\","
                        + "\"id\":\"U1\",\"name\":\"Someone Else\"}}", 422, "requested by its API token"),
                Arguments.of("{\"customer\":\"acme\",", 400, "not valid JSON"),
                Arguments.of("[1,2]", 400, "JSON"),
                Arguments.of("{\"customer\":42,\"user\":{}}", 400, ""));
    }

    @ParameterizedTest
    @MethodSource("badStarts")
    void badVerificationRequestsAreProblemsAndStoreNothing(String body, int status, String detail) {
        long before = eventCount();
        var r = api.post("/api/v1/verifications", body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains(detail);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aDisabledUserCannotBeVerified() {
        String u = new Fixtures(api).userWithMobileAndEmail();
        assertThat(api.patch("/api/v1/customers/acme/end-users/" + u, "{\"enabled\":false}").status()).isEqualTo(200);
        var r = new Fixtures(api);
        var response = api.post("/api/v1/verifications", """
                {"customer":"acme","user":"%s"}""".formatted(u));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("reason").asText()).isEqualTo("USER_DISABLED");
    }

    /** Issue 20: a multipart Content-Type without a boundary was a 500 (MultipartException) on every POST/PATCH. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"POST,/api/v1/customers", "PATCH,/api/v1/customers/acme",
            "POST,/api/v1/verifications", "POST,/api/v1/tokens", "POST,/api/v1/customers/acme/end-users/import",
            "PUT,/api/v1/customers/acme/access"})
    void multipartWithoutABoundaryIsA400Problem(String method, String path) {
        var r = api.send(method, path, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n",
                "multipart/form-data", Api.ADMIN_TOKEN, Map.of());
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception");
    }

    @Test
    void theAdminApiNeedsTheToken() {
        var none = api.send("GET", "/api/v1/customers", null, null, null, Map.of());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        var wrong = api.send("GET", "/api/v1/customers", null, null, "wrong", Map.of());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/customers").status()).isEqualTo(200);
    }

    @Test
    void unknownVerificationsAreNotFoundAndUnknownRoutesRefused() {
        assertThat(api.get("/api/v1/verifications/does-not-exist").status()).isEqualTo(404);
        var decision = api.post("/api/v1/verifications/does-not-exist/decision", "{\"decision\":\"approve\"}");
        assertThat(decision.status()).isEqualTo(404);
        // Deny by default: a route the gate does not name is refused, even to the admin token.
        var unknown = api.get("/api/v1/no-such-route");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void enrolmentTokensAreSingleUseAndValidatedBeforeTheyAreSpent() {
        String u = new Fixtures(api).userWithMobileAndEmail();
        String token = api.post("/api/v1/customers/acme/end-users/" + u + "/enrolments", "{}").json()
                .get("enrolmentToken").asText();
        var badPlatform = enrol(token, "windows-phone");
        assertThat(badPlatform.status()).isEqualTo(422);
        assertThat(enrol(token, "ios").status()).as("a typo must not burn the token").isEqualTo(201);
        var reused = enrol(token, "ios");
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().get("detail").asText()).contains("already used or expired");
        assertThat(enrol("made-up-token", "ios").status()).isEqualTo(401);
    }

    @Test
    void wrongDeviceSecretsAreRefused() {
        var r = api.send("POST", "/api/v1/challenges/whatever/response", "{\"decision\":\"approve\"}",
                "application/json", "wrong", Map.of());
        assertThat(r.status()).isEqualTo(401);
        var noAuth = api.send("GET", "/api/v1/devices/demo-alice-phone/challenges", null, null, null, Map.of());
        assertThat(noAuth.status()).isEqualTo(401);
    }

    @Test
    void badCustomersAreRefusedWithTheField() {
        var r = api.post("/api/v1/customers", "{\"slug\":\"Bad Slug!\",\"name\":\"X\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).isEqualTo("slug");
        var dup = api.post("/api/v1/customers", "{\"slug\":\"acme\",\"name\":\"Again\"}");
        assertThat(dup.status()).isEqualTo(409);
        var taken = api.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"X\",\"emailDomains\":[\"acme.example\"]}"
                .formatted(Fixtures.unique("c")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asText()).contains("acme.example");
        var policy = api.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"X\",\"policy\":{\"countdownSeconds\":5}}"
                .formatted(Fixtures.unique("c")));
        assertThat(policy.status()).isEqualTo(422);
        assertThat(policy.json().get("detail").asText()).contains("countdownSeconds");
    }

    @Test
    void badEndUsersAreRefusedWithTheField() {
        var phone = api.post("/api/v1/customers/acme/end-users", "{\"username\":\"%s\",\"mobile\":\"12\"}"
                .formatted(Fixtures.unique("u")));
        assertThat(phone.status()).isEqualTo(422);
        assertThat(phone.json().get("field").asText()).isEqualTo("mobile");
        var email = api.post("/api/v1/customers/acme/end-users", "{\"username\":\"%s\",\"email\":\"alice@acme.example\"}"
                .formatted(Fixtures.unique("u")));
        assertThat(email.status()).as("emails are unique per customer").isEqualTo(409);
        var unknownCustomer = api.post("/api/v1/customers/nope/end-users", "{\"username\":\"x\"}");
        assertThat(unknownCustomer.status()).isEqualTo(404);
    }

    private Api.Response enrol(String token, String platform) {
        return api.send("POST", "/api/v1/devices", """
                {"enrolmentToken":"%s","fcmToken":"f","platform":"%s","notificationsEnabled":true}""".formatted(token, platform),
                "application/json", null, Map.of());
    }

    /*
     * Events only a start writes, and writes before it answers. The shared context has background
     * work (expiries of other tests' verifications, deliveries, syncs) that appends events at any
     * moment, so counting every event made this test fail now and then for an event it had nothing
     * to do with.
     */
    private long eventCount() {
        var startTypes = java.util.Set.of("VERIFICATION_REQUESTED", "RATE_LIMITED");
        long n = 0;
        for (var e : api.get("/api/v1/events?limit=10000").json()) {
            n += startTypes.contains(e.path("type").asText()) ? 1 : 0;
        }
        return n;
    }
}
