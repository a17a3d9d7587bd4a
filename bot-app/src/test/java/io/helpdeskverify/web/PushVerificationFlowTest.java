package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The foundation's "done when": a push verification for alice started through the admin API,
 * answered through the mobile-app API by polling, ends VERIFIED with its four events in order.
 */
@HelpdeskTest
class PushVerificationFlowTest {

    private static final String ALICE_SECRET = "demo-alice-device-secret-local-only";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void alicePushIsVerifiedThroughTheAppApiWithTheFourEvents() {
        JsonNode started = new Fixtures(api).start("alice", "PUSH", "tina");
        String id = started.get("id").asText();
        assertThat(started.get("state").asText()).isEqualTo("PENDING");
        assertThat(started.has("code")).as("plain push has no code").isFalse();

        // The app polls until the challenge shows up (the push may be late or lost).
        JsonNode challenge = await().atMost(Duration.ofSeconds(10)).until(() -> pending(ALICE_SECRET, "demo-alice-phone", id),
                c -> c != null);
        assertThat(challenge.get("mspName").asText()).isEqualTo("Test MSP");
        assertThat(challenge.get("technicianName").asText()).isEqualTo("Tech tina");
        assertThat(challenge.get("requiresCode").asBoolean()).isFalse();

        var answer = answer(challenge.get("challengeId").asText(), ALICE_SECRET, "{\"decision\":\"approve\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("state").asText()).isEqualTo("VERIFIED");

        var again = answer(challenge.get("challengeId").asText(), ALICE_SECRET, "{\"decision\":\"approve\"}");
        assertThat(again.status()).isEqualTo(409);

        var v = api.get("/api/v1/verifications/" + id).json();
        assertThat(v.get("state").asText()).isEqualTo("VERIFIED");
        assertThat(v.get("outcome").asText()).isEqualTo("VERIFIED");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventTypes(id))
                .containsExactly("VERIFICATION_REQUESTED", "CHALLENGE_SENT", "USER_APPROVED", "VERIFIED"));
    }

    @Test
    void theAppShowsTheTechniciansNameAsThePushDoesWithNothingThatPointsAnywhere() {
        var user = new Fixtures(api).userWithApp();
        var started = api.technician("Tom 0800 123 4567 evil.example").post("/api/v1/verifications",
                "{\"customer\":\"acme\",\"user\":\"%s\",\"method\":\"PUSH\"}".formatted(user.username()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asText();

        JsonNode challenge = await().until(() -> pending(user.deviceSecret(), user.deviceId(), id), c -> c != null);

        assertThat(challenge.get("technicianName").asText()).startsWith("Tom").doesNotContain("evil.example")
                .doesNotContain("0800");
        assertThat(challenge.get("prompt").asText()).startsWith(challenge.get("technicianName").asText() + " from Test MSP")
                .doesNotContain("evil.example");
    }

    @Test
    void aUserDenyEndsUnableToVerify() {
        var user = new Fixtures(api).userWithApp();
        String id = new Fixtures(api).start(user.username(), "PUSH_WITH_CODE", "tom").get("id").asText();
        JsonNode challenge = await().until(() -> pending(user.deviceSecret(), user.deviceId(), id), c -> c != null);
        assertThat(challenge.get("requiresCode").asBoolean()).isFalse();

        var answer = answer(challenge.get("challengeId").asText(), user.deviceSecret(), "{\"decision\":\"deny\"}");

        assertThat(answer.json().get("state").asText()).isEqualTo("USER_DENIED");
        assertThat(answer.json().get("outcome").asText()).isEqualTo("UNABLE_TO_VERIFY");
        assertThat(eventTypes(id)).containsSubsequence("USER_DENIED", "UNABLE_TO_VERIFY");
    }

    @Test
    void anotherUsersDeviceCannotAnswer() {
        var other = new Fixtures(api).userWithApp();
        String id = new Fixtures(api).start("alice", "PUSH", "tina").get("id").asText();
        JsonNode challenge = await().until(() -> pending(ALICE_SECRET, "demo-alice-phone", id), c -> c != null);

        var answer = answer(challenge.get("challengeId").asText(), other.deviceSecret(), "{\"decision\":\"approve\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isIn("PENDING", "SENT");
    }

    @Test
    void aWrongDeviceSecretIsRefused() {
        var r = api.send("GET", "/api/v1/devices/demo-alice-phone/challenges", null, null, "not-the-secret", Map.of());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private JsonNode pending(String secret, String deviceId, String verificationId) {
        var r = api.send("GET", "/api/v1/devices/" + deviceId + "/challenges", null, null, secret, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode c : r.json()) {
            if (c.get("verificationId").asText().equals(verificationId)) {
                return c;
            }
        }
        return null;
    }

    private Api.Response answer(String challengeId, String secret, String body) {
        return api.send("POST", "/api/v1/challenges/" + challengeId + "/response", body, "application/json", secret, Map.of());
    }

    private List<String> eventTypes(String verificationId) {
        var types = new ArrayList<String>();
        for (JsonNode e : api.get("/api/v1/events?customer=acme&limit=10000").json()) {
            if (e.get("verificationId").asText().equals(verificationId)) {
                types.add(0, e.get("type").asText());
            }
        }
        return types;
    }
}
