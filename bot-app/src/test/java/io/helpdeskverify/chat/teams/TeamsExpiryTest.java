package io.helpdeskverify.chat.teams;

import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verificationId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A verification nobody answers expires at its deadline (30 s, the shortest policy) and the card says so. */
class TeamsExpiryTest extends TeamsTestBase {

    @Test
    void anUnansweredPushExpiresAndTheCardAndAuditThreadSaySo() {
        var tech = Member.random("Terry Tech");
        var slug = Fixtures.unique("quick");
        var created = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Quick Corp","emailDomains":["%s.example"],"policy":{"countdownSeconds":30}}"""
                .formatted(slug, slug));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var user = api.post("/api/v1/customers/" + slug + "/end-users", """
                {"username":"quinn","displayName":"Quinn Quick","mobile":"+12025550177"}""");
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        var channel = Conversation.channel();

        teams.message(tech, channel, "verify quinn@" + slug + " --sms");

        String id = verificationId(t.awaitCardPosted(channel));
        await().atMost(Duration.ofSeconds(45)).until(() -> api.get("/api/v1/verifications/" + id).json()
                .path("state").asText().equals("EXPIRED"));
        t.awaitUpdateSaying(channel, "Expired");
        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + channel.id() + ";messageid=")
                && c.card().toString().contains("Expired"));
        assertThat(t.invokeCard(teams.action(tech, channel, "refresh", id)).path("actions").size()).isZero();
    }
}
