package io.helpdeskverify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.testsupport.SharedFiles;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.VerificationService;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every rung of the fallback ladder against the providers' fakes: what each provider received,
 * the audit events, and the lines the card renders.
 */
@HelpdeskTest
class DeliveryLadderTest extends DeliveryFakes {

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;
    @Autowired
    DirectoryRepository directory;

    Api api;
    DeliveryWorld world;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        world = new DeliveryWorld(api, verifications);
    }

    @Test
    void aPushReachesFcmWithNotificationDataAndExpiry() {
        String user = world.user(DeliveryWorld.mobile(), null);
        String token = world.enrol(user, true);
        String tech = Fixtures.unique("Tina");

        var started = world.start(user, "PUSH", tech);
        String id = started.get("id").asText();
        var v = world.awaitVerification(id, x -> x.state() == State.SENT);

        var requests = DeliveryWorld.fcmRequests(token);
        assertThat(requests).hasSize(1);
        JsonNode m = requests.get(0).get("message");
        assertThat(m.at("/notification/title").asText()).contains("Test MSP");
        assertThat(m.at("/notification/body").asText()).contains("Test MSP").contains(tech)
                .contains("only if you are on a call with them now");
        assertThat(m.at("/data/challengeId").asText()).isEqualTo(v.challengeId());
        assertThat(m.at("/data/verificationId").asText()).isEqualTo(id);
        assertThat(m.at("/data/method").asText()).isEqualTo("PUSH");
        assertThat(Instant.parse(m.at("/data/expiresAt").asText())).isEqualTo(v.expiresAt());
        assertThat(m.at("/data/requiresCode").asText()).isEqualTo("false");
        assertThat(m.at("/data").has("code")).isFalse();
        assertThat(m.at("/android/priority").asText()).isEqualTo("high");
        long ttl = Long.parseLong(m.at("/android/ttl").asText().replace("s", "").replaceAll("\\..*", ""));
        assertThat(ttl).isBetween(50L, 60L);
        assertThat(m.at("/apns/headers/apns-priority").asText()).isEqualTo("10");
        assertThat(m.at("/apns/headers/apns-expiration").asText()).isEqualTo(Long.toString(v.expiresAt().getEpochSecond()));
        // The SDK fetched its access token from the service account's token_uri (our fake).
        assertThat(DeliveryFakes.WIREMOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(DeliveryFakes.FCM_SEND))
                .allMatch(e -> "Bearer fake-access-token".equals(e.getRequest().getHeader("Authorization")))).isTrue();

        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "CHALLENGE_SENT");
        assertThat(world.cardLines(id)).containsExactly("Push sent to 1 device");
    }

    @Test
    void pushWithCodeCarriesTheCodeAndVerifiedPushNever() {
        String user = world.user(null, null);
        String token = world.enrol(user, true);

        String withCode = world.start(user, "PUSH_WITH_CODE", Fixtures.unique("Tom")).get("id").asText();
        world.awaitVerification(withCode, x -> x.state() == State.SENT);
        String match = world.start(user, "VERIFIED_PUSH", Fixtures.unique("Tom")).get("id").asText();
        world.awaitVerification(match, x -> x.state() == State.SENT);

        var requests = DeliveryWorld.fcmRequests(token);
        var first = requests.stream().filter(r -> r.at("/message/data/verificationId").asText().equals(withCode)).findFirst().orElseThrow();
        var second = requests.stream().filter(r -> r.at("/message/data/verificationId").asText().equals(match)).findFirst().orElseThrow();
        assertThat(first.at("/message/data/code").asText()).matches("\\d{6}");
        assertThat(first.at("/message/notification/body").asText()).contains(first.at("/message/data/code").asText());
        assertThat(second.at("/message/data").has("code")).isFalse();
        assertThat(second.at("/message/data/requiresCode").asText()).isEqualTo("true");
    }

    @Test
    void aDeadTokenMarksTheDeviceAndFallsBackToAnSmsThatReachesTwilio() {
        String mobile = DeliveryWorld.mobile();
        String user = world.user(mobile, null);
        String token = world.enrol(user, true);
        fcmAnswers(token, 404, "fcm_error_unregistered_constructed.json");
        String tech = Fixtures.unique("Tara");

        String id = world.start(user, "PUSH", tech).get("id").asText();
        var v = world.awaitVerification(id, x -> x.state() == State.SENT);

        assertThat(v.method().name()).isEqualTo("SMS_CODE");
        var sms = DeliveryWorld.twilioRequests(tech);
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0)).containsEntry("To", mobile).containsEntry("From", TWILIO_FROM)
                .containsEntry("StatusCallback", CALLBACK_URL);
        assertThat(sms.get(0).get("Body")).contains("Test MSP").contains(tech).containsPattern("code \\d{6}");
        assertThat(directory.devices("acme", user)).allMatch(d -> d.tokenRejected());

        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "FALLBACK_USED", "CHALLENGE_SENT");
        assertThat(world.events(id).get(1).get("reason").asText())
                .isEqualTo("PUSH -> SMS_CODE: push not possible: the app's push token is no longer valid (UNREGISTERED)");
        assertThat(world.cardLines(id)).containsExactly(
                "Push not possible: the app's push token is no longer valid (UNREGISTERED)",
                "SMS sent to +1 ••• ••• ••" + mobile.substring(mobile.length() - 2));
    }

    @Test
    void senderIdMismatchIsADeadTokenToo() {
        String user = world.user(DeliveryWorld.mobile(), null);
        String token = world.enrol(user, true);
        WIREMOCK.stubFor(post(urlEqualTo(FCM_SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(fcmError(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH"))));

        String id = world.start(user, "PUSH", Fixtures.unique("Tess")).get("id").asText();

        world.awaitVerification(id, x -> x.state() == State.SENT);
        assertThat(world.cardLines(id).get(0)).isEqualTo("Push not possible: the app's push token is no longer valid (SENDER_ID_MISMATCH)");
        assertThat(directory.devices("acme", user)).allMatch(d -> d.tokenRejected());
    }

    @Test
    void notificationsOffFallsBackToSmsAtOnce() {
        String user = world.user(DeliveryWorld.mobile(), null);
        String token = world.enrol(user, false);
        String tech = Fixtures.unique("Ned");

        String id = world.start(user, "PUSH", tech).get("id").asText();
        world.awaitVerification(id, x -> x.state() == State.SENT);

        assertThat(DeliveryWorld.fcmRequests(token)).isEmpty();
        assertThat(DeliveryWorld.twilioRequests(tech)).hasSize(1);
        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "FALLBACK_USED", "CHALLENGE_SENT");
        assertThat(world.cardLines(id).get(0)).isEqualTo("Push not possible: notifications disabled");
        assertThat(world.cardLines(id).get(1)).startsWith("SMS sent to +1 ••• ••• ••");
    }

    @Test
    void noEnrolledDeviceFallsBackToSms() {
        String user = world.user(DeliveryWorld.mobile(), null);
        String tech = Fixtures.unique("Nia");

        String id = world.start(user, "PUSH", tech).get("id").asText();
        world.awaitVerification(id, x -> x.state() == State.SENT);

        assertThat(DeliveryWorld.twilioRequests(tech)).hasSize(1);
        assertThat(world.cardLines(id).get(0)).isEqualTo("Push not possible: no enrolled device");
    }

    @Test
    void invalidArgumentIsLoggedAsABugAndFallsBack() {
        String user = world.user(DeliveryWorld.mobile(), null);
        String token = world.enrol(user, true);
        fcmAnswers(token, 400, "fcm_error_invalid_token_official.json");
        String tech = Fixtures.unique("Ivy");

        String id = world.start(user, "PUSH", tech).get("id").asText();
        world.awaitVerification(id, x -> x.state() == State.SENT);

        assertThat(world.cardLines(id).get(0)).isEqualTo("Push not possible: FCM refused the message (INVALID_ARGUMENT)");
        assertThat(DeliveryWorld.twilioRequests(tech)).hasSize(1);
        assertThat(directory.devices("acme", user)).noneMatch(d -> d.tokenRejected());
    }

    @Test
    void quotaExceededIsRetriedAndThenSent() {
        String user = world.user(DeliveryWorld.mobile(), null);
        String token = world.enrol(user, true);
        WIREMOCK.stubFor(post(urlEqualTo(FCM_SEND)).atPriority(1).inScenario("quota-" + token)
                .whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"))));

        String id = world.start(user, "PUSH", Fixtures.unique("Quinn")).get("id").asText();
        world.awaitVerification(id, x -> x.state() == State.SENT);

        assertThat(DeliveryWorld.fcmRequests(token)).hasSize(2);
        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "CHALLENGE_SENT");
        assertThat(world.cardLines(id)).containsExactly("Push sent to 1 device");
    }

    @Test
    void anFcmThatStaysInternalIsRetriedWhileTheCountdownAllowsThenFallsBack() {
        String user = world.user(DeliveryWorld.mobile(), null);
        String token = world.enrol(user, true);
        WIREMOCK.stubFor(post(urlEqualTo(FCM_SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(fcmError(500, "INTERNAL", "INTERNAL"))));
        String tech = Fixtures.unique("Rex");

        String id = world.start(user, "PUSH", tech).get("id").asText();
        var v = world.awaitVerification(id, x -> x.state() == State.SENT);

        assertThat(v.method().name()).isEqualTo("SMS_CODE");
        assertThat(DeliveryWorld.fcmRequests(token)).hasSizeGreaterThan(1);
        assertThat(world.cardLines(id).get(0)).startsWith("Push not possible: FCM unavailable (INTERNAL), ");
        assertThat(directory.devices("acme", user)).noneMatch(d -> d.tokenRejected());
    }

    @Test
    void noMobileFallsBackToAnEmailWithTextAndHtmlFromTheMsp() throws Exception {
        String email = Fixtures.unique("erin") + "@acme.example";
        String user = world.user(null, email);
        String token = world.enrol(user, true);
        fcmAnswers(token, 404, "fcm_error_unregistered_constructed.json");
        String tech = Fixtures.unique("Eve <b>");

        String id = world.startAsSlackTechnician(user, "PUSH", tech);
        world.awaitVerification(id, x -> x.state() == State.SENT);

        var mails = await().until(() -> DeliveryWorld.mailsTo(email), l -> !l.isEmpty());
        var mail = mails.get(0);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Test MSP <" + SMTP_FROM + ">");
        assertThat(mail.getSubject()).isEqualTo("Test MSP: your identity check code");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        var parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        String code = text.replaceAll("(?s).*Your code: (\\d{6}).*", "$1");
        assertThat(code).matches("\\d{6}");
        assertThat(text).contains(tech).contains("If you are not on a call with Test MSP");
        assertThat(html).contains(code).contains("Eve &lt;b&gt;").doesNotContain("Eve <b>");

        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "FALLBACK_USED", "CHALLENGE_SENT");
        assertThat(world.cardLines(id)).containsExactly(
                "Push not possible: the app's push token is no longer valid (UNREGISTERED)",
                "SMS not possible: no mobile number",
                "Email sent to " + email.charAt(0) + "•••@acme.example");
    }

    @Test
    void anInvalidNumberAtTwilioFallsBackToEmail() {
        String email = Fixtures.unique("ivan") + "@acme.example";
        String user = world.user(DeliveryWorld.mobile(), email);
        String tech = Fixtures.unique("Ida");
        WIREMOCK.stubFor(post(urlPathEqualTo(TWILIO_SEND)).atPriority(1)
                .withRequestBody(containing(tech.substring(4)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(SharedFiles.fixtureText("twilio_error_21211_constructed.json"))));

        String id = world.start(user, "SMS_CODE", tech).get("id").asText();
        var v = world.awaitVerification(id, x -> x.method().name().equals("EMAIL_CODE") && x.state() == State.SENT);

        assertThat(v.method().name()).isEqualTo("EMAIL_CODE");
        assertThat(await().until(() -> DeliveryWorld.mailsTo(email), l -> !l.isEmpty())).hasSize(1);
        assertThat(world.cardLines(id)).containsExactly("SMS not possible: invalid number (21211)",
                "Email sent to " + email.charAt(0) + "•••@acme.example");
        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "FALLBACK_USED", "CHALLENGE_SENT");
    }

    @Test
    void nothingLeftEndsAsDeliveryFailedWithTheReason() {
        String user = world.user(null, null);
        String token = world.enrol(user, true);
        fcmAnswers(token, 404, "fcm_error_unregistered_constructed.json");

        String id = world.start(user, "PUSH", Fixtures.unique("Nora")).get("id").asText();
        var v = world.awaitVerification(id, x -> x.isFinal());

        assertThat(v.state()).isEqualTo(State.DELIVERY_FAILED);
        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "DELIVERY_FAILED");
        var failed = world.events(id).get(1);
        assertThat(failed.get("reason").asText()).isEqualTo("push not possible: the app's push token is no longer valid "
                + "(UNREGISTERED); SMS not possible: no mobile number; email not possible: no email address; nothing left to try");
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(world.cardLines(id)).containsExactly(
                "Push not possible: the app's push token is no longer valid (UNREGISTERED)",
                "SMS not possible: no mobile number",
                "Email not possible: no email address",
                "Push failed: no other way to reach the user");
    }

    @Test
    void healthShowsWhichSendersAreConfiguredAndNoSecret() {
        // Anonymous callers (load balancers) learn UP or DOWN, never hosts, accounts or projects.
        var anonymous = api.send("GET", "/actuator/health", null, null, null, java.util.Map.of());
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(anonymous.body()).doesNotContain(ACCOUNT_SID).doesNotContain(PROJECT);
        assertThat(api.send("GET", "/actuator/info", null, null, null, java.util.Map.of()).status()).isEqualTo(401);

        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        var delivery = health.json().at("/components/delivery");
        assertThat(delivery.get("status").asText()).isEqualTo("UP");
        assertThat(delivery.at("/details/push").asText()).startsWith("Firebase Cloud Messaging (project " + PROJECT);
        assertThat(delivery.at("/details/sms").asText()).startsWith("Twilio (account " + ACCOUNT_SID);
        assertThat(delivery.at("/details/email").asText()).startsWith("SMTP (127.0.0.1:");
        assertThat(health.body()).doesNotContain(AUTH_TOKEN);
        var info = api.get("/actuator/info");
        assertThat(info.json().at("/delivery/sms").asText()).startsWith("Twilio");
        assertThat(info.body()).doesNotContain(AUTH_TOKEN);
    }

    @Test
    void theSmsFitsOneSegmentForTypicalNames() {
        String tech = Fixtures.unique("Jonathan Smith");
        String user = world.user(DeliveryWorld.mobile(), null);
        String id = world.start(user, "SMS_CODE", tech).get("id").asText();
        world.awaitVerification(id, x -> x.state() == State.SENT);

        String body = DeliveryWorld.twilioRequests(tech).get(0).get("Body");
        assertThat(SmsSegments.count(body)).isEqualTo(1);
        assertThat(body.toLowerCase()).doesNotContain("never share");
    }

    static Duration shortly() {
        return Duration.ofSeconds(10);
    }
}
