package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With the Firebase web app's settings the page gets them from {@code /app/config.json} (the app then
 * loads the Firebase JS SDK from the jar), and the policy lets it reach Firebase's two registration
 * hosts, no other.
 */
@HelpdeskTest
@TestPropertySource(properties = {
        "helpdesk.app.firebase-project-id=hv-web-project",
        "helpdesk.app.firebase-web-api-key=AIza-test-key",
        "helpdesk.app.firebase-web-app-id=1:1234567890:web:abc",
        "helpdesk.app.firebase-messaging-sender-id=1234567890",
        "helpdesk.app.firebase-vapid-key=BTestVapidKey"})
class AppWebPushConfigTest {

    @LocalServerPort
    int port;

    @Test
    void thePageGetsTheFirebaseWebSettingsAndThePolicyNamesOnlyItsHosts() {
        var api = new Api(port).as(null);
        var config = api.get("/app/config.json");
        JsonNode firebase = config.json().get("firebase");

        assertThat(firebase.get("apiKey").asText()).isEqualTo("AIza-test-key");
        assertThat(firebase.get("appId").asText()).isEqualTo("1:1234567890:web:abc");
        assertThat(firebase.get("projectId").asText()).isEqualTo("hv-web-project");
        assertThat(firebase.get("messagingSenderId").asText()).isEqualTo("1234567890");
        assertThat(firebase.get("vapidKey").asText()).isEqualTo("BTestVapidKey");
        String csp = config.header("Content-Security-Policy");
        assertThat(csp).contains("connect-src 'self' https://firebaseinstallations.googleapis.com "
                + "https://fcmregistrations.googleapis.com;").contains("script-src 'self';");
        assertThat(api.get("/app/").header("Content-Security-Policy")).isEqualTo(csp);
    }
}
