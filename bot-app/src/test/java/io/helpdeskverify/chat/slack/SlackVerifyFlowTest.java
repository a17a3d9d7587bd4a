package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "done when", through signed Slack requests and the fake Web API: the card follows
 * every state change, the code reaches the requesting technician only, the buttons work, and the
 * outcome lands in the day's audit thread.
 */
class SlackVerifyFlowTest extends SlackTestBase {

    /** The code as the message's header block shows it (the fallback text never holds it). */
    private static final Pattern SPACED_CODE =
            Pattern.compile("\"block_id\":\"hv_code\",\"text\":\\{\"type\":\"plain_text\",\"text\":\"([0-9 ]+)\"");

    @Test
    void pushWithCodeEndsVerifiedWithTheCodeSeenByTheTechnicianOnly() {
        var user = new Fixtures(api).userWithApp();
        String channel = channel();
        String responseUrl = command(user.username() + "@acme --push-code", channel, "UTINA", "tina");

        var card = awaitCard(channel);
        String id = verificationId(card);
        assertThat(card.blocks()).contains("Push + code", "Test " + user.username(), "+1 ••• ••• ••88", "<!date^")
                .doesNotContain("hv_approve");

        // The code: in the technician's ephemeral answer, and in the push the user received.
        String ephemeral = await().until(() -> fake.responses(responseUrl), r -> !r.isEmpty()).get(0);
        assertThat(ephemeral).contains("\"response_type\":\"ephemeral\"", "Only you can see this code");
        var m = SPACED_CODE.matcher(ephemeral);
        assertThat(m.find()).as(ephemeral).isTrue();
        String code = m.group(1).replace(" ", "");
        assertThat(outboxBody(id)).contains(code);
        // The notification preview (the fallback text) must not show it on the technician's lock screen.
        assertThat(ephemeral).contains("open the message to see it").doesNotContain(m.group(1) + "\",\"blocks\"");

        // The user approves in the app: the card asks the technician to compare the code.
        var challenge = await().until(() -> pending(user.deviceSecret(), user.deviceId(), id), c -> c != null);
        var answer = api.send("POST", "/api/v1/challenges/" + challenge.get("challengeId").asText() + "/response",
                "{\"decision\":\"approve\"}", "application/json", user.deviceSecret(), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var waiting = awaitUpdate(channel, "Waiting for the technician");
        assertThat(waiting.blocks()).contains("hv_approve", "hv_deny", "Approved ✓");

        click("hv_approve", id, card, "UTINA", "tina");
        var verified = awaitUpdate(channel, ":white_check_mark: *Verified*");
        assertThat(verified.blocks()).doesNotContain("hv_approve", "hv_cancel");

        // The code never reached the channel: not in the card, its updates or the audit thread.
        fake.calls("chat.postMessage", channel).forEach(c -> assertThat(c.all()).doesNotContain(code));
        updates(channel).forEach(c -> assertThat(c.all()).doesNotContain(code));

        assertAuditReply(channel, "Verified");
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsExactly("VERIFICATION_REQUESTED",
                "CHALLENGE_SENT", "USER_APPROVED", "TECHNICIAN_APPROVED", "VERIFIED"));
    }

    @Test
    void smsCodeIsReadBackAndApproved() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        String responseUrl = command(user + "@acme.example --sms", channel, "UTOM", "tom");

        var card = awaitCard(channel);
        String id = verificationId(card);
        assertThat(await().until(() -> fake.responses(responseUrl), r -> !r.isEmpty()).get(0))
                .contains("read the code back to you");
        // Sent by SMS: the technician decides at once.
        var waiting = awaitUpdate(channel, "hv_approve");
        assertThat(waiting.blocks()).contains("SMS sent to +1 ••• ••• ••88");

        click("hv_deny", id, card, "UTOM", "tom");
        awaitUpdate(channel, "*Unable to verify*");
        assertAuditReply(channel, "the technician denied");
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsSubsequence("VERIFICATION_REQUESTED",
                "CHALLENGE_SENT", "TECHNICIAN_DENIED", "UNABLE_TO_VERIFY"));
    }

    @Test
    void pushWithoutAnAppFallsBackToSmsAndSaysWhy() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        String responseUrl = command(user + "@acme --push", channel, "UUMA", "uma");

        var card = awaitCard(channel);
        String id = verificationId(card);
        assertThat(card.blocks()).contains("SMS code", "Push not possible: no enrolled device");
        assertThat(await().until(() -> fake.responses(responseUrl), r -> !r.isEmpty()).get(0))
                .contains("Only you can see this code");
        assertAuditReply(channel, "Fallback used");
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsSubsequence("VERIFICATION_REQUESTED",
                "FALLBACK_USED", "CHALLENGE_SENT"));
    }

    @Test
    void anotherTechniciansClickIsRefusedAndRecorded() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        command(user + "@acme --email", channel, "UOWNER", "owner");
        var card = awaitCard(channel);
        String id = verificationId(card);
        awaitUpdate(channel, "hv_approve");
        int updatesBefore = updates(channel).size();

        String intruderUrl = click("hv_approve", id, card, "UINTRUDER", "mallory");

        String refusal = await().until(() -> fake.responses(intruderUrl), r -> !r.isEmpty()).get(0);
        assertThat(refusal).contains("Only owner, who started this verification", "\"response_type\":\"ephemeral\"")
                .contains("\"replace_original\":false");
        await().untilAsserted(() -> assertThat(eventTypes(id)).contains("UNAUTHORIZED_ACTION"));
        assertAuditReply(channel, "Refused: not the requesting technician");
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isEqualTo("SENT");
        assertThat(updates(channel)).hasSize(updatesBefore);
    }

    @Test
    void aDoubleClickGetsAlreadyDecided() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        command(user + "@acme --sms", channel, "UDOUBLE", "dora");
        var card = awaitCard(channel);
        String id = verificationId(card);
        awaitUpdate(channel, "hv_approve");

        String first = click("hv_approve", id, card, "UDOUBLE", "dora");
        String second = click("hv_approve", id, card, "UDOUBLE", "dora");

        awaitUpdate(channel, "*Verified*");
        String answer = await().until(() -> {
            var all = new java.util.ArrayList<>(fake.responses(first));
            all.addAll(fake.responses(second));
            return all;
        }, r -> !r.isEmpty()).get(0);
        assertThat(answer).contains("Already decided: Verified.");
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsOnlyOnce("TECHNICIAN_APPROVED"));
    }

    @Test
    void cancelEndsItForGood() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        command(user + "@acme --sms", channel, "UCANCEL", "cass");
        var card = awaitCard(channel);
        String id = verificationId(card);

        click("hv_cancel", id, card, "UCANCEL", "cass");

        awaitUpdate(channel, "*Cancelled*");
        assertAuditReply(channel, "Cancelled");
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isEqualTo("CANCELLED");
    }

    private void assertAuditReply(String channel, String contains) {
        String title = "Identity verifications, " + LocalDate.now(ZoneOffset.UTC);
        var root = await().atMost(Duration.ofSeconds(10)).until(() -> fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.text().equals(title)).toList(), l -> !l.isEmpty());
        assertThat(root).as("one audit root per channel and day").hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fake.calls("chat.postMessage", channel))
                .anySatisfy(c -> {
                    assertThat(c.form().get("thread_ts")).isEqualTo(root.get(0).answeredTs());
                    assertThat(c.text()).contains(contains);
                }));
    }

    private String outboxBody(String verificationId) {
        return await().until(() -> {
            for (JsonNode m : api.get("/api/v1/dev/outbox").json()) {
                if (m.path("verificationId").asText().equals(verificationId)) {
                    return m.get("body").asText();
                }
            }
            return null;
        }, b -> b != null);
    }

    private JsonNode pending(String secret, String deviceId, String verificationId) {
        var r = api.send("GET", "/api/v1/devices/" + deviceId + "/challenges", null, null, secret, Map.of());
        for (JsonNode c : r.json()) {
            if (c.get("verificationId").asText().equals(verificationId)) {
                return c;
            }
        }
        return null;
    }
}
