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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A device's life through the public APIs: enrolled (the user hears of it elsewhere), listed,
 * revoked by an admin or by disabling its user, capped per user; a revoked one is dead.
 */
@HelpdeskTest
class DeviceLifecycleTest {

    @LocalServerPort
    int port;
    Api api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void aRevokedDeviceCanNeitherReadNorAnswerChallengesAndIsNoLongerPushedTo() {
        var user = fixtures.userWithApp();
        String id = fixtures.start(user.username(), "PUSH", "tess").get("id").asText();
        JsonNode challenge = await().atMost(Duration.ofSeconds(10))
                .until(() -> pending(user, id), c -> c != null);

        var listed = api.get(devicesPath(user.username()));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        var device = listed.json().get(0);
        assertThat(device.get("id").asText()).isEqualTo(user.deviceId());
        assertThat(device.get("platform").asText()).isEqualTo("android");
        assertThat(device.get("notificationsEnabled").asBoolean()).isTrue();
        assertThat(device.get("tokenRejected").asBoolean()).isFalse();
        assertThat(device.has("enrolledAt")).isTrue();
        assertThat(listed.body()).doesNotContain(user.deviceSecret()).doesNotContain("fcm-" + user.username())
                .doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("fcmToken");

        var revoke = api.send("DELETE", devicesPath(user.username()) + "/" + user.deviceId(), null, null, Api.ADMIN_TOKEN,
                Map.of());
        assertThat(revoke.status()).as(revoke.body()).isEqualTo(204);

        var read = api.send("GET", "/api/v1/devices/" + user.deviceId() + "/challenges", null, null, user.deviceSecret(),
                Map.of());
        assertThat(read.status()).isEqualTo(401);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.json().get("detail").asText()).contains("removed from your account").contains("Enrol the app again");
        var answer = api.send("POST", "/api/v1/challenges/" + challenge.get("challengeId").asText() + "/response",
                "{\"decision\":\"approve\"}", "application/json", user.deviceSecret(), Map.of());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asText()).contains("Enrol the app again");
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isIn("PENDING", "SENT");
        var update = api.send("PATCH", "/api/v1/devices/" + user.deviceId(), "{\"fcmToken\":\"revived\"}",
                "application/json", user.deviceSecret(), Map.of());
        assertThat(update.status()).as("a new FCM token does not revive a revoked device").isEqualTo(401);

        assertThat(api.get(devicesPath(user.username())).json()).isEmpty();
        var methods = api.get("/api/v1/customers/acme/end-users/" + user.username()).json().get("methods");
        assertThat(methods.toString()).doesNotContain("PUSH").contains("SMS_CODE");
        var noPush = fixturesStart(user.username());
        assertThat(noPush.get("method").asText()).isEqualTo("SMS_CODE");

        var revoked = events(user.username(), "DEVICE_REVOKED");
        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).get("reason").asText()).isEqualTo("android device " + user.deviceId()
                + " revoked by admin API");
        assertThat(revoked.get(0).get("technician").asText()).isEqualTo("admin API");
        assertThat(events(user.username(), "DEVICE_ENROLLED")).hasSize(1);
        assertThat(revoked.toString() + events(user.username(), "DEVICE_ENROLLED"))
                .doesNotContain(user.deviceSecret()).doesNotContain("fcm-" + user.username()).doesNotContain("5550188");

        var again = api.send("DELETE", devicesPath(user.username()) + "/" + user.deviceId(), null, null, Api.ADMIN_TOKEN,
                Map.of());
        assertThat(again.status()).as("already revoked").isEqualTo(404);
    }

    @Test
    void disablingAUserRevokesAllItsDevicesAndItsPendingEnrolment() {
        var user = fixtures.userWithApp();
        var second = enrol(token(user.username()));
        assertThat(second.status()).isEqualTo(201);
        String pending = token(user.username());

        var r = api.patch("/api/v1/customers/acme/end-users/" + user.username(), "{\"enabled\":false}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        assertThat(api.get(devicesPath(user.username())).json()).isEmpty();
        assertThat(api.get("/api/v1/customers/acme/end-users/" + user.username()).json().get("devices").asInt()).isZero();
        for (String secret : List.of(user.deviceSecret(), second.json().get("deviceSecret").asText())) {
            var read = api.send("GET", "/api/v1/devices/" + user.deviceId() + "/challenges", null, null, secret, Map.of());
            assertThat(read.status()).isEqualTo(401);
        }
        var revoked = events(user.username(), "DEVICE_REVOKED");
        assertThat(revoked).hasSize(2);
        assertThat(revoked.get(0).get("reason").asText()).endsWith("revoked because the user was disabled by admin API");
        assertThat(enrol(pending).status()).as("a token issued before the disable").isEqualTo(401);
        api.patch("/api/v1/customers/acme/end-users/" + user.username(), "{\"enabled\":true}");
        assertThat(enrol(pending).status()).as("spent, not revived by enabling again").isEqualTo(401);
    }

    @Test
    void aCsvImportThatDisablesAUserRevokesItsDevices() {
        var user = fixtures.userWithApp();
        String csv = "username,display_name,email,mobile,enabled\n%s,Test,%s@acme.example,+12025550188,false\n"
                .formatted(user.username(), user.username());

        var r = api.send("POST", "/api/v1/customers/acme/end-users/import", csv, "text/csv", Api.ADMIN_TOKEN, Map.of());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("updated").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/customers/acme/end-users/" + user.username()).json().get("enabled").asBoolean())
                .isFalse();
        assertThat(api.get(devicesPath(user.username())).json()).isEmpty();
        var revoked = events(user.username(), "DEVICE_REVOKED");
        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).get("reason").asText()).endsWith("revoked because the user was disabled by CSV import");
    }

    @Test
    void twoPhonesRacingForTheLastSlotGetItOnce() throws Exception {
        String u = fixtures.userWithMobileAndEmail();
        for (int i = 0; i < 2; i++) {
            assertThat(enrol(token(u)).status()).isEqualTo(201);
        }
        String a = token(u);
        String b = token(u);

        var first = CompletableFuture.supplyAsync(() -> enrol(a).status());
        var second = CompletableFuture.supplyAsync(() -> enrol(b).status());

        assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(201, 409);
        assertThat(api.get(devicesPath(u)).json()).hasSize(3);
    }

    @Test
    void aUserWithNoOtherContactStillEnrols() {
        String u = Fixtures.unique("nocontact");
        assertThat(api.post("/api/v1/customers/acme/end-users", "{\"username\":\"%s\"}".formatted(u)).status())
                .isEqualTo(201);

        var device = enrol(token(u));

        assertThat(device.status()).as("nobody to tell, the enrolment stands").isEqualTo(201);
        assertThat(api.get(devicesPath(u)).json()).hasSize(1);
    }

    @Test
    void theFourthDeviceIsRefusedWithoutSpendingItsTokenAndWorksOnceOneIsRevoked() {
        String u = fixtures.userWithMobileAndEmail();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var r = enrol(token(u));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(r.json().get("deviceId").asText());
        }
        String fourth = token(u);

        var refused = enrol(fourth);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("already has 3 enrolled devices")
                .contains("Revoke one first").contains("DELETE /api/v1/customers/acme/end-users/" + u + "/devices/{id}")
                .contains("still works");
        assertThat(api.get(devicesPath(u)).json()).hasSize(3);

        var revoke = api.send("DELETE", devicesPath(u) + "/" + ids.get(0), null, null, Api.ADMIN_TOKEN, Map.of());
        assertThat(revoke.status()).isEqualTo(204);
        var accepted = enrol(fourth);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(enrol(fourth).status()).as("now spent").isEqualTo(401);
        assertThat(api.get(devicesPath(u)).json()).hasSize(3);
    }

    @Test
    void revokingAllAnswersTheCount() {
        var user = fixtures.userWithApp();
        assertThat(enrol(token(user.username())).status()).isEqualTo(201);

        var r = api.send("DELETE", devicesPath(user.username()), null, null, Api.ADMIN_TOKEN, Map.of());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("revoked").asInt()).isEqualTo(2);
        assertThat(api.get(devicesPath(user.username())).json()).isEmpty();
        assertThat(events(user.username(), "DEVICE_REVOKED")).hasSize(2);
    }

    @Test
    void theNewPhoneNoticeGoesToTheEmailElseTheMobileAndNeverToThePhone() {
        var user = fixtures.userWithApp();
        String email = user.username() + "@acme.example";
        JsonNode notice = await().atMost(Duration.ofSeconds(10)).until(() -> outboxTo(email), m -> m != null);
        assertThat(notice.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(notice.get("subject").asText()).isEqualTo("Test MSP: a new phone was added to your verification app");
        assertThat(notice.get("body").asText()).matches("A new phone was added to your Test MSP verification app on "
                + "\\d{4}-\\d{2}-\\d{2} at \\d{2}:\\d{2} UTC\\. If this was not you, call Test MSP now\\.");
        assertThat(outboxTo(user.deviceId())).as("nothing to the phone just enrolled").isNull();

        String mobileOnly = Fixtures.unique("m");
        var created = api.post("/api/v1/customers/acme/end-users", """
                {"username":"%s","mobile":"+12025550177"}""".formatted(mobileOnly));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var before = countTo("+12025550177");
        var device = enrol(token(mobileOnly));
        assertThat(device.status()).isEqualTo(201);
        JsonNode sms = await().atMost(Duration.ofSeconds(10)).until(() -> countTo("+12025550177") > before
                ? outboxTo("+12025550177") : null, m -> m != null);
        assertThat(sms.get("channel").asText()).isEqualTo("SMS");
        assertThat(sms.get("body").asText()).startsWith("A new phone was added to your Test MSP verification app on ");
    }

    @Test
    void revokingAnotherUsersDeviceIsNotFoundAndChangesNothing() {
        var owner = fixtures.userWithApp();
        String other = fixtures.userWithMobileAndEmail();

        var r = api.send("DELETE", devicesPath(other) + "/" + owner.deviceId(), null, null, Api.ADMIN_TOKEN, Map.of());

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(api.get(devicesPath(owner.username())).json()).hasSize(1);
        var read = api.send("GET", "/api/v1/devices/" + owner.deviceId() + "/challenges", null, null,
                owner.deviceSecret(), Map.of());
        assertThat(read.status()).isEqualTo(200);
        assertThat(events(owner.username(), "DEVICE_REVOKED")).isEmpty();
        assertThat(events(other, "DEVICE_REVOKED")).isEmpty();
        assertThat(api.send("DELETE", devicesPath(other) + "/no-such-device", null, null, Api.ADMIN_TOKEN, Map.of())
                .status()).isEqualTo(404);
        assertThat(api.get(devicesPath("nobody-" + other)).status()).isEqualTo(404);
    }

    private JsonNode fixturesStart(String username) {
        var r = api.technician("Tess").post("/api/v1/verifications", """
                {"customer":"acme","user":"%s"}""".formatted(username));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String devicesPath(String username) {
        return "/api/v1/customers/acme/end-users/" + username + "/devices";
    }

    private String token(String username) {
        var r = api.post("/api/v1/customers/acme/end-users/" + username + "/enrolments", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("enrolmentToken").asText();
    }

    private Api.Response enrol(String token) {
        return api.send("POST", "/api/v1/devices", """
                {"enrolmentToken":"%s","fcmToken":"fcm-extra","platform":"ios","notificationsEnabled":true}"""
                .formatted(token), "application/json", null, Map.of());
    }

    private JsonNode pending(Fixtures.AppUser user, String verificationId) {
        var r = api.send("GET", "/api/v1/devices/" + user.deviceId() + "/challenges", null, null, user.deviceSecret(),
                Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode c : r.json()) {
            if (c.get("verificationId").asText().equals(verificationId)) {
                return c;
            }
        }
        return null;
    }

    private List<JsonNode> events(String username, String type) {
        var out = new ArrayList<JsonNode>();
        api.get("/api/v1/events?customer=acme&user=" + username + "&type=" + type).json().forEach(out::add);
        return out;
    }

    /** The newest outbox message to this address, number or device id. */
    private JsonNode outboxTo(String to) {
        for (JsonNode m : api.get("/api/v1/dev/outbox?limit=200").json()) {
            if (m.get("to").asText().equals(to)) {
                return m;
            }
        }
        return null;
    }

    private long countTo(String to) {
        long n = 0;
        for (JsonNode m : api.get("/api/v1/dev/outbox?limit=200").json()) {
            if (m.get("to").asText().equals(to)) {
                n++;
            }
        }
        return n;
    }
}
