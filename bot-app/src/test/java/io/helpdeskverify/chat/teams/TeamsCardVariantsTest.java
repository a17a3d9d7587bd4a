package io.helpdeskverify.chat.teams;

import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verificationId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import io.helpdeskverify.support.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every card the Teams adapter emits for each method, with the longest names the directory
 * allows (a 256-character display name, a 200-character customer name, a 256-character
 * technician name), validated against the Adaptive Cards 1.5 schema: the posted card, both
 * refresh views, the final card and the audit reply. Plus the visible push → SMS fallback.
 */
class TeamsCardVariantsTest extends TeamsTestBase {

    final Member tech = new Member("29:" + java.util.UUID.randomUUID(), "T".repeat(250) + " <b>*Tech*</b>");
    final Member observer = Member.random("Olga Observer");

    @ParameterizedTest
    @ValueSource(strings = {"push", "push-code", "sms", "email", "match"})
    void everyCardOfEachMethodWithTheLongestNamesIsValid(String flag) {
        String slug = Fixtures.unique("long");
        var customer = api.post("/api/v1/customers", """
                {"slug":"%s","name":"%s","emailDomains":["%s.example"]}""".formatted(slug, "C".repeat(192) + " & <Co>", slug));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        String user = "u" + "x".repeat(20);
        var created = api.post("/api/v1/customers/" + slug + "/end-users", """
                {"username":"%s","displayName":"%s","email":"%s@%s.example","mobile":"+12025550166"}"""
                .formatted(user, "Ünïcødé <i>[Name]</i> " + "N".repeat(228), user, slug));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (flag.startsWith("push") || flag.equals("match")) {
            var token = api.post("/api/v1/customers/" + slug + "/end-users/" + user + "/enrolments", "{}");
            var device = api.send("POST", "/api/v1/devices", """
                    {"enrolmentToken":"%s","fcmToken":"fcm-%s","platform":"ios","notificationsEnabled":true}"""
                    .formatted(token.json().get("enrolmentToken").asText(), slug), "application/json", null, Map.of());
            assertThat(device.status()).as(device.body()).isEqualTo(201);
        }
        var channel = Conversation.channel();

        teams.message(tech, channel, "verify " + user + "@" + slug + " --" + flag);

        String id = verificationId(t.awaitCardPosted(channel));
        t.awaitState(id, "SENT");
        t.awaitCall(c -> TeamsFlowSupport.updateIn(c, channel));
        JsonNode mine = t.invokeCard(teams.action(tech, channel, "refresh", id));
        t.invokeCard(teams.action(observer, channel, "refresh", id));
        if (!flag.equals("push")) {
            assertThat(mine.toString()).contains("only you can see it");
        }
        t.invokeCard(teams.action(tech, channel, "hv_cancel", id));
        t.awaitUpdateSaying(channel, "Cancelled");
        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + channel.id() + ";messageid="));
        t.validateEverything();
    }

    @Test
    void aPushThatCannotReachTheUserFallsBackToSmsVisiblyOnTheCardAndInTheAuditThread() {
        var channel = Conversation.channel();

        teams.message(tech, channel, "verify dave@acme --push");

        var posted = t.awaitCardPosted(channel);
        String id = verificationId(posted);
        assertThat(api.get("/api/v1/verifications/" + id).json().path("method").asText()).isEqualTo("SMS_CODE");
        assertThat(posted.card().toString()).containsIgnoringCase("notifications disabled");
        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + channel.id() + ";messageid=")
                && c.card().toString().contains("Fallback used"));
        String code = t.outboxCode(id);
        assertThat(t.invokeCard(teams.action(tech, channel, "refresh", id)).toString())
                .contains(TeamsFlowSupport.spaced(code));
        t.validateEverything();
    }
}
