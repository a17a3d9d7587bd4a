package io.helpdeskverify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.VerificationService;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Twilio's status callbacks move the card's SMS status; a forged one is refused and changes nothing. */
@HelpdeskTest
class TwilioStatusCallbackTest extends DeliveryFakes {

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;

    DeliveryWorld world;
    TwilioCallbacks twilio;

    @BeforeEach
    void setUp() {
        var api = new Api(port);
        world = new DeliveryWorld(api, verifications);
        twilio = new TwilioCallbacks(api);
    }

    @Test
    void aSignedDeliveredReportMovesTheCardAndIsAnEvent() {
        String tech = Fixtures.unique("Dan");
        String id = smsSent(tech, null);
        String sid = DeliveryWorld.twilioSid(tech);

        var r = twilio.postSigned(TwilioCallbacks.status(sid, "delivered", null));

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(world.cardLines(id)).hasSize(2).last().isEqualTo("SMS delivered");
        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "CHALLENGE_SENT", "DELIVERY_REPORTED");
        assertThat(world.events(id).get(2).get("reason").asText()).isEqualTo("SMS delivered");
        var api = new Api(port).get("/api/v1/verifications/" + id).json();
        assertThat(api.at("/delivery/1/status").asText()).isEqualTo("DELIVERED");
        assertThat(api.at("/delivery/1/text").asText()).isEqualTo("SMS delivered");
        // Twilio retries callbacks: the same report again adds nothing.
        assertThat(twilio.postSigned(TwilioCallbacks.status(sid, "delivered", null)).status()).isEqualTo(204);
        assertThat(world.cardLines(id)).hasSize(2);
        // "queued" and "sent" after the card already says sent are not a step back.
        twilio.postSigned(TwilioCallbacks.status(sid, "sent", null));
        assertThat(world.cardLines(id)).hasSize(2);
    }

    @Test
    void aForgedReportIsRefusedAndChangesNothing() {
        String tech = Fixtures.unique("Fay");
        String id = smsSent(tech, null);
        String sid = DeliveryWorld.twilioSid(tech);
        var before = verifications.find(id).orElseThrow();

        var fields = TwilioCallbacks.status(sid, "undelivered", "30007");
        var wrongKey = twilio.post(fields, TwilioCallbacks.sign("not-the-token", CALLBACK_URL, fields));
        var wrongUrl = twilio.post(fields, TwilioCallbacks.sign(AUTH_TOKEN, "https://evil.example/webhooks/twilio/status", fields));
        var unsigned = twilio.post(fields, null);
        var tampered = new HashMap<>(fields);
        String good = TwilioCallbacks.sign(AUTH_TOKEN, CALLBACK_URL, Map.of("MessageSid", sid, "MessageStatus", "delivered"));
        tampered.put("MessageStatus", "undelivered");
        var replayed = twilio.post(tampered, good);

        for (var r : new Api.Response[] {wrongKey, wrongUrl, unsigned, replayed}) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        var after = verifications.find(id).orElseThrow();
        assertThat(after.delivery()).isEqualTo(before.delivery());
        assertThat(after.state()).isEqualTo(before.state());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "CHALLENGE_SENT");
    }

    @Test
    void anUndeliveredSmsWhileWaitingFallsBackToEmailWithTheCarrierReason() {
        String email = Fixtures.unique("uma") + "@acme.example";
        String tech = Fixtures.unique("Uli");
        String id = smsSent(tech, email);
        String sid = DeliveryWorld.twilioSid(tech);

        var r = twilio.postSigned(TwilioCallbacks.status(sid, "undelivered", "30007"));

        assertThat(r.status()).isEqualTo(204);
        var v = world.awaitVerification(id, x -> x.method().name().equals("EMAIL_CODE") && x.state() == State.SENT);
        assertThat(v.state()).isEqualTo(State.SENT);
        assertThat(await().until(() -> DeliveryWorld.mailsTo(email), l -> !l.isEmpty())).hasSize(1);
        assertThat(world.cardLines(id)).containsExactly(
                world.cardLines(id).get(0),
                "SMS not possible: undelivered: carrier rejected (30007)",
                "Email sent to " + email.charAt(0) + "•••@acme.example");
        assertThat(world.cardLines(id).get(0)).startsWith("SMS sent to +1 ••• ••• ••");
        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "CHALLENGE_SENT", "FALLBACK_USED",
                "CHALLENGE_SENT");
        assertThat(world.events(id).get(2).get("reason").asText())
                .isEqualTo("SMS_CODE -> EMAIL_CODE: SMS not possible: undelivered: carrier rejected (30007)");
    }

    @Test
    void aFailedSmsWithNothingLeftEndsAsDeliveryFailed() {
        String tech = Fixtures.unique("Flo");
        String id = smsSent(tech, null);
        String sid = DeliveryWorld.twilioSid(tech);

        twilio.postSigned(TwilioCallbacks.status(sid, "failed", "21610"));

        var v = world.awaitVerification(id, x -> x.isFinal());
        assertThat(v.state()).isEqualTo(State.DELIVERY_FAILED);
        assertThat(world.eventTypes(id)).containsExactly("VERIFICATION_REQUESTED", "CHALLENGE_SENT", "DELIVERY_FAILED");
        assertThat(world.events(id).get(2).get("reason").asText())
                .isEqualTo("SMS not possible: failed: the user replied STOP (21610); email not possible: no email address; "
                        + "nothing left to try");
        assertThat(world.cardLines(id)).endsWith("SMS not possible: failed: the user replied STOP (21610)",
                "Email not possible: no email address", "SMS failed: no other way to reach the user");
    }

    @Test
    void aLateUndeliveredReportAfterTheDecisionIsOnlyALine() {
        String tech = Fixtures.unique("Lea");
        String id = smsSent(tech, Fixtures.unique("lea") + "@acme.example");
        String sid = DeliveryWorld.twilioSid(tech);
        var decided = verifications.decide(id, verifications.find(id).orElseThrow().technician(), true);
        assertThat(decided).isInstanceOf(io.helpdeskverify.verification.ActionResult.Done.class);

        twilio.postSigned(TwilioCallbacks.status(sid, "undelivered", "30003"));

        var v = verifications.find(id).orElseThrow();
        assertThat(v.state()).isEqualTo(State.APPROVED);
        assertThat(world.cardLines(id)).last().isEqualTo("SMS undelivered: carrier problem: phone unreachable or switched off (30003)");
        assertThat(world.eventTypes(id)).endsWith("DELIVERY_REPORTED");
    }

    @Test
    void anUnknownMessageIsAcknowledgedAndIgnored() {
        var r = twilio.postSigned(TwilioCallbacks.status("SM" + "f".repeat(32), "delivered", null));
        assertThat(r.status()).isEqualTo(204);
    }

    private String smsSent(String tech, String email) {
        String user = world.user(DeliveryWorld.mobile(), email);
        String id = world.start(user, "SMS_CODE", tech).get("id").asText();
        world.awaitVerification(id, x -> x.state() == State.SENT);
        return id;
    }
}
