package io.helpdeskverify.chat.teams;

import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verbs;
import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verificationId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import io.helpdeskverify.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Dual control from Teams, through the fake Bot Connector: once the requester approved, the card
 * everyone sees carries Approve and Deny for a second technician, the requester's own view only
 * Cancel; the requester's press is refused, another technician's denial ends it. Every card seen is
 * validated against the Adaptive Card schema ({@link TeamsTestBase}).
 */
class TeamsDualControlTest extends TeamsTestBase {

    final Member tech = Member.random("Tina Tech");
    final Member second = Member.random("Sam Second");

    @Test
    void aSecondTechnicianDeniesFromTheSharedCard() {
        String slug = new Fixtures(api).dualControlCustomer("ceo", "clerk");
        var channel = Conversation.channel();
        teams.message(tech, channel, "verify ceo@" + slug + " --sms");
        String id = verificationId(t.awaitCardPosted(channel));
        t.awaitState(id, "SENT");

        t.invokeCard(teams.action(tech, channel, "hv_approve", id));
        assertThat(t.state(id)).isEqualTo("AWAITING_SECOND");

        var update = t.awaitUpdateSaying(channel, "Needs a second technician");
        assertThat(verbs(update.card())).containsExactly("hv_approve", "hv_deny");
        assertThat(update.card().toString()).contains("First approval", "Tina Tech");
        JsonNode mine = t.invokeCard(teams.action(tech, channel, "refresh", id));
        assertThat(verbs(mine)).as("the requester may only cancel now").containsExactly("hv_cancel");
        assertThat(mine.toString()).contains("You cannot confirm it yourself");
        JsonNode theirs = t.invokeCard(teams.action(second, channel, "refresh", id));
        assertThat(verbs(theirs)).containsExactly("hv_approve", "hv_deny");

        String refusal = t.invokeMessage(teams.action(tech, channel, "hv_approve", id));
        assertThat(refusal).contains("A second technician must approve or deny");
        assertThat(t.state(id)).isEqualTo("AWAITING_SECOND");

        JsonNode after = t.invokeCard(teams.action(second, channel, "hv_deny", id));
        assertThat(after.toString()).contains("Unable to verify", "Sam Second (second technician)", "Tina Tech");
        assertThat(t.state(id)).isEqualTo("DENIED");
        var last = t.awaitUpdateSaying(channel, "Unable to verify");
        assertThat(verbs(last.card())).isEmpty();
        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + channel.id() + ";messageid=")
                && c.card().toString().contains("Second technician denied"));
        await().untilAsserted(() -> assertThat(t.eventTypes(slug, id)).containsSubsequence("VERIFICATION_REQUESTED",
                "TECHNICIAN_APPROVED", "SECOND_TECHNICIAN_REQUESTED", "SECOND_TECHNICIAN_DENIED", "UNABLE_TO_VERIFY"));
    }
}
