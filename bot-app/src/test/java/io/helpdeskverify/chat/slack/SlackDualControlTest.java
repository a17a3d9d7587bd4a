package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Dual control from Slack, through signed requests and the fake Web API: a high-risk user's
 * verification approved by the requester waits on the card for a second technician; the requester's
 * own second press is refused privately, another technician's completes it, and both names show.
 */
class SlackDualControlTest extends SlackTestBase {

    @Test
    void aHighRiskUserNeedsASecondTechnicianWhoIsNotTheRequester() {
        String slug = new Fixtures(api).dualControlCustomer("ceo", "clerk");
        String channel = channel();
        command("ceo@" + slug + " --sms", channel, "UDUALTINA", "tina");
        var card = awaitCard(channel);
        String id = verificationId(card);
        awaitUpdate(channel, "hv_approve");

        click("hv_approve", id, card, "UDUALTINA", "tina");

        var waiting = awaitUpdate(channel, "Needs a second technician");
        assertThat(waiting.blocks()).contains("hv_second_technician", "First approval", "hv_approve", "hv_deny",
                "a technician other than tina", "Dual control", "named high-risk user");
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isEqualTo("AWAITING_SECOND");

        String own = click("hv_approve", id, card, "UDUALTINA", "tina");
        String refusal = await().until(() -> fake.responses(own), r -> !r.isEmpty()).get(0);
        assertThat(refusal).contains("A second technician must approve or deny", "\"response_type\":\"ephemeral\"",
                "\"replace_original\":false");
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isEqualTo("AWAITING_SECOND");

        click("hv_approve", id, card, "UDUALSAM", "sam");

        var verified = awaitUpdate(channel, ":white_check_mark: *Verified*");
        assertThat(verified.blocks()).contains("First approval", "tina", "by sam (second technician)")
                .doesNotContain("hv_approve", "hv_cancel");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fake.calls("chat.postMessage", channel))
                .anySatisfy(c -> assertThat(c.text()).contains("Second technician approved", "sam confirmed tina")));
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsSubsequence("VERIFICATION_REQUESTED",
                "CHALLENGE_SENT", "TECHNICIAN_APPROVED", "SECOND_TECHNICIAN_REQUESTED", "SECOND_TECHNICIAN_APPROVED",
                "VERIFIED").doesNotContain("UNAUTHORIZED_ACTION"));
    }

    @Test
    void anotherUserOfTheSameCustomerNeedsOneTechnician() {
        String slug = new Fixtures(api).dualControlCustomer("cfo", "intern");
        String channel = channel();
        command("intern@" + slug + " --sms", channel, "UDUALUMA", "uma");
        var card = awaitCard(channel);
        String id = verificationId(card);
        awaitUpdate(channel, "hv_approve");

        click("hv_approve", id, card, "UDUALUMA", "uma");

        var verified = awaitUpdate(channel, ":white_check_mark: *Verified*");
        assertThat(verified.blocks()).doesNotContain("Dual control");
        assertThat(eventTypes(id)).doesNotContain("SECOND_TECHNICIAN_REQUESTED");
    }
}
