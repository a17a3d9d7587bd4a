package io.helpdeskverify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.VerificationService;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Enrolment links (to the directory contact only, by SMS or email, or as a QR code) and the FCM
 * message a browser's token gets: the {@code webpush} block, sent through the Admin SDK to the fake FCM.
 */
@HelpdeskTest
class EnrolmentLinkTest extends DeliveryFakes {

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;

    Api api;
    DeliveryWorld world;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        world = new DeliveryWorld(api, verifications);
    }

    @Test
    void anEmailedLinkGoesToTheDirectoryAddressAndEnrolsOnce() throws Exception {
        String email = "enrol-" + System.nanoTime() + "@acme.example";
        String user = world.user(null, email);

        var sent = api.post(enrolments(user) + "?send=email", "");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("sentBy").asText()).isEqualTo("email");
        assertThat(sent.json().get("sentTo").asText()).contains("•").doesNotContain(email);
        assertThat(sent.json().has("enrolmentToken")).isFalse();
        MimeMessage mail = await().until(() -> Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipient(m).equals(email)).findFirst().orElse(null), m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("Test MSP: set up your verification app");
        String body = plainText(mail);
        String link = body.substring(body.indexOf(PUBLIC_URL + "/app/#enrol=")).split("\\s")[0];
        String token = link.substring(link.indexOf("#enrol=") + 7);

        assertThat(enrol(token).status()).isEqualTo(201);
        assertThat(enrol(token).status()).as("one time only").isEqualTo(401);
    }

    @Test
    void aContactTheDirectoryDoesNotHaveIsRefusedAndNothingIsSent() {
        String user = world.user(null, "nomobile-" + System.nanoTime() + "@acme.example");

        var r = api.post(enrolments(user) + "?send=sms", "");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("detail").asText()).contains("no mobile number in the directory");
        assertThat(api.post(enrolments(user) + "?send=fax", "").status()).isEqualTo(400);
        assertThat(api.post(enrolments(user) + "?format=gif", "").status()).isEqualTo(400);
    }

    @Test
    void theLinkComesBackAsJsonOrAsAnSvgQrCode() throws Exception {
        String user = world.user(DeliveryWorld.mobile(), null);

        var json = api.post(enrolments(user), "");
        assertThat(json.status()).isEqualTo(201);
        assertThat(json.json().get("link").asText())
                .isEqualTo(PUBLIC_URL + "/app/#enrol=" + json.json().get("enrolmentToken").asText());

        var svg = api.post(enrolments(user) + "?format=svg", "");
        assertThat(svg.status()).isEqualTo(201);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.header("Cache-Control")).isEqualTo("no-store");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue())
                .startsWith("M");
    }

    @Test
    void aBrowserTokenGetsTheWebpushBlockAndAPhoneDoesNot() {
        String user = world.user(DeliveryWorld.mobile(), null);
        var issued = api.post(enrolments(user), "").json().get("enrolmentToken").asText();
        String token = "web-" + user;
        var device = api.send("POST", "/api/v1/devices", """
                {"enrolmentToken":"%s","fcmToken":"%s","platform":"web","notificationsEnabled":true}"""
                .formatted(issued, token), "application/json", null, Map.of());
        assertThat(device.status()).as(device.body()).isEqualTo(201);
        String phone = world.enrol(user, true);

        String id = world.start(user, "PUSH", "Wanda").get("id").asText();
        var v = world.awaitVerification(id, x -> x.state() == State.SENT);

        var web = DeliveryWorld.fcmRequests(token).get(0).get("message");
        long ttl = Long.parseLong(web.at("/webpush/headers/TTL").asText());
        assertThat(ttl).isBetween(50L, 60L);
        assertThat(web.at("/webpush/headers/Urgency").asText()).isEqualTo("high");
        assertThat(web.at("/webpush/notification/title").asText()).isEqualTo("Test MSP: identity check");
        assertThat(web.at("/webpush/notification/body").asText()).contains("Wanda");
        assertThat(web.at("/webpush/notification/tag").asText()).isEqualTo(v.challengeId());
        assertThat(web.at("/webpush/notification/requireInteraction").asBoolean()).isTrue();
        assertThat(web.at("/webpush/fcm_options/link").asText())
                .isEqualTo(PUBLIC_URL + "/app/#challenge=" + v.challengeId());
        assertThat(web.at("/data/challengeId").asText()).isEqualTo(v.challengeId());
        var android = DeliveryWorld.fcmRequests(phone).get(0).get("message");
        assertThat(android.has("webpush")).isFalse();
        assertThat(android.at("/android/priority").asText()).isEqualTo("high");
    }

    private static String enrolments(String user) {
        return "/api/v1/customers/acme/end-users/" + user + "/enrolments";
    }

    private Api.Response enrol(String token) {
        return api.send("POST", "/api/v1/devices", "{\"enrolmentToken\":\"" + token + "\",\"platform\":\"web\"}",
                "application/json", null, Map.of());
    }

    private static String plainText(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof jakarta.mail.internet.MimeMultipart parts) {
            return (String) parts.getBodyPart(0).getContent();
        }
        return (String) content;
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
