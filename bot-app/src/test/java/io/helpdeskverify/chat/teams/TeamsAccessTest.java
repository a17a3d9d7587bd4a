package io.helpdeskverify.chat.teams;

import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verificationId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.chat.teams.FakeBotConnector.Call;
import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import io.helpdeskverify.support.AccessFixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may verify whom, on Teams (anonymous, open mode): a customer's policy names Entra ID users,
 * teams or channels of a tenant; everyone else, including another tenant's people, is refused,
 * recorded, and learns nothing.
 */
class TeamsAccessTest extends TeamsTestBase {

    AccessFixtures access;
    final String allowedAad = UUID.randomUUID().toString();
    final Member allowed = Member.random("Alma Allowed");
    final Member other = Member.random("Otto Other");

    @BeforeEach
    void setUp() {
        access = new AccessFixtures(api);
    }

    @Test
    void aListedUserStartsAndDecidesAndOthersAreToldNothing() {
        String slug = access.customerWithUser();
        access.policy(slug, """
                {"teams":[{"tenant":"%s","users":["%s"]}]}""".formatted(TeamsClient.TENANT, allowedAad));
        var channel = Conversation.channel();

        assertThat(teams.post(as(teams.messageActivity(allowed, channel, "verify bob@" + slug + " --sms"),
                allowedAad)).status()).isIn(200, 202);
        Call card = t.awaitCardPosted(channel);
        String id = verificationId(card);

        // Someone else of the same tenant: the answer for a customer that does not exist.
        var personal = Conversation.personal();
        teams.post(as(teams.messageActivity(other, personal, "verify bob@" + slug + " --sms"), UUID.randomUUID().toString()));
        String said = t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + personal.id() + "/"))
                .card().toString();
        assertThat(said).contains("No customer '" + slug + "'").doesNotContain("Bob", "Customer " + slug);

        // Their click on the card is refused in the invoke answer, and recorded.
        var click = teams.post(as(teams.actionActivity(other, channel, "hv_cancel", Map.of("verificationId", id)),
                UUID.randomUUID().toString()));
        assertThat(t.invokeMessage(click)).contains("You may not verify this customer");
        assertThat(t.state(id)).isEqualTo("SENT");
        assertThat(refusalsOf(other)).hasSize(2).allSatisfy(reason -> assertThat(reason)
                .contains("not in the customer's access policy"));

        // The listed technician decides.
        var cancel = teams.post(as(teams.actionActivity(allowed, channel, "hv_cancel", Map.of("verificationId", id)),
                allowedAad));
        assertThat(t.invokeCard(cancel).toString()).contains("Cancelled");
        assertThat(t.awaitState(id, "CANCELLED")).isEqualTo("CANCELLED");
    }

    @Test
    void aTeamGrantAdmitsEveryoneInThatTeamAndNobodyOfAnotherTenant() {
        String slug = access.customerWithUser();
        var channel = Conversation.channel();
        // TeamsClient names a channel's team after the channel.
        access.policy(slug, """
                {"teams":[{"tenant":"%s","teams":["%s"]}]}""".formatted(TeamsClient.TENANT, channel.id()));

        teams.message(other, channel, "verify bob@" + slug + " --email");
        t.awaitCardPosted(channel);

        // The same team id, from another tenant: not this customer's people.
        var foreign = Member.random("Fritz Foreign");
        var personal = Conversation.personal();
        ObjectNode activity = teams.messageActivity(foreign, personal, "verify bob@" + slug + " --email");
        String otherTenant = UUID.randomUUID().toString();
        activity.with("conversation").put("tenantId", otherTenant);
        activity.with("channelData").with("tenant").put("id", otherTenant);
        activity.with("channelData").putObject("team").put("id", channel.id());
        teams.post(activity);
        String said = t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + personal.id() + "/"))
                .card().toString();
        assertThat(said).contains("No customer '" + slug + "'").doesNotContain("Bob");
        assertThat(refusalsOf(foreign)).hasSize(1);
    }

    private static ObjectNode as(ObjectNode activity, String aadObjectId) {
        activity.with("from").put("aadObjectId", aadObjectId);
        return activity;
    }

    private java.util.List<String> refusalsOf(Member who) {
        var reasons = new java.util.ArrayList<String>();
        api.get("/api/v1/events?type=UNAUTHORIZED_ACTION&limit=10000").json().forEach(e -> {
            if (e.path("technicianId").asText().equals("teams:" + who.id())) {
                reasons.add(e.path("reason").asText());
            }
        });
        return reasons;
    }
}
