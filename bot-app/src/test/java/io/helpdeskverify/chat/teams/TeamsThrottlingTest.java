package io.helpdeskverify.chat.teams;

import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verificationId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.chat.teams.FakeBotConnector.Call;
import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Teams' limits: at most 7 messages per second to one conversation, and the card still reaches
 * its final state through 429 (Retry-After), 412, 502 and 504. Each test has its own fake, so
 * its scripted failures meet only its own calls.
 */
class TeamsThrottlingTest extends TeamsTestBase {

    final Member tech = Member.random("Tara Tech");

    @BeforeEach
    void aFakeOfItsOwn() {
        use(new FakeBotConnector());
    }

    @Override
    @AfterEach
    void everyCardIsValid() {
        super.everyCardIsValid();
        fake.close();
    }

    @Test
    void aBurstToOneConversationStaysWithinSevenPerSecond() {
        var personal = Conversation.personal();
        // One first, so connection set-up does not bunch the burst up on the wire.
        teams.message(tech, personal, "help");
        await().atMost(Duration.ofSeconds(10)).until(() -> sendsTo(personal).size() == 1);
        // ...and its slot out of the one-second window before the burst starts.
        await().pollDelay(Duration.ofMillis(1100)).until(() -> true);
        int messages = 21;
        for (int i = 0; i < messages; i++) {
            teams.message(tech, personal, "help");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> sendsTo(personal).size() == messages + 1);

        // Times are taken where the fake receives the calls, so allow for some jitter on the way.
        List<Call> sends = sendsTo(personal).subList(1, messages + 1);
        for (int i = 7; i < sends.size(); i++) {
            assertThat(Duration.between(sends.get(i - 7).at(), sends.get(i).at()))
                    .as("8 sends within one second: %s", sends.stream().map(Call::at).toList())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
        assertThat(Duration.between(sends.get(0).at(), sends.get(messages - 1).at()))
                .as("21 sends at 7 per second take two seconds or more").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aThrottledUpdateWaitsForRetryAfterAndTheCardStillEndsFinal() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        var chat = Conversation.groupChat();
        teams.message(tech, chat, "verify " + user + "@acme --sms");
        String id = verificationId(t.awaitCardPosted(chat));
        t.awaitState(id, "SENT");
        t.awaitCall(c -> TeamsFlowSupport.updateIn(c, chat));
        fake.failUpdates(429, "2", 2);

        t.invokeCard(teams.action(tech, chat, "hv_approve", id));

        // Two answered 429, then the third gets through.
        List<Call> verified = await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls().stream()
                .filter(c -> TeamsFlowSupport.updateIn(c, chat) && c.card().toString().contains("Verified")).toList(),
                l -> l.size() >= 3);
        for (int i = 1; i < 3; i++) {
            assertThat(Duration.between(verified.get(i - 1).at(), verified.get(i).at()))
                    .as("each retry waited for Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> fake.calls().stream()
                .filter(c -> TeamsFlowSupport.updateIn(c, chat) && c.card().toString().contains("Verified")).count() == 3);
    }

    @Test
    void updatesGetThrough412And502And504() {
        for (int status : new int[] {412, 502, 504}) {
            String user = new Fixtures(api).userWithMobileAndEmail();
            var chat = Conversation.groupChat();
            teams.message(tech, chat, "verify " + user + "@acme --email");
            String id = verificationId(t.awaitCardPosted(chat));
            t.awaitState(id, "SENT");
            t.awaitCall(c -> TeamsFlowSupport.updateIn(c, chat));
            fake.failUpdates(status, null, 1);

            t.invokeCard(teams.action(tech, chat, "hv_deny", id));

            await("after " + status).atMost(Duration.ofSeconds(20)).until(() -> fake.calls().stream()
                    .anyMatch(c -> TeamsFlowSupport.updateIn(c, chat) && c.card().toString().contains("Unable to verify")));
        }
    }

    @Test
    void anUpdateAnsweredWithAnEmptyBodyCountsAsDone() {
        fake.emptyUpdateAnswers();
        String user = new Fixtures(api).userWithMobileAndEmail();
        var chat = Conversation.groupChat();
        teams.message(tech, chat, "verify " + user + "@acme --sms");
        String id = verificationId(t.awaitCardPosted(chat));
        t.awaitState(id, "SENT");

        t.invokeCard(teams.action(tech, chat, "hv_approve", id));

        t.awaitUpdateSaying(chat, "Verified");
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> fake.calls().stream()
                .filter(c -> TeamsFlowSupport.updateIn(c, chat) && c.card().toString().contains("Verified")).count() == 1);
    }

    @Test
    void aSendThatMeetsABadGatewayIsRetried() {
        var personal = Conversation.personal();
        fake.failSends(502, 1);

        teams.message(tech, personal, "help");

        await().atMost(Duration.ofSeconds(15)).until(() -> sendsTo(personal).stream()
                .filter(c -> c.card().toString().contains("How to verify")).count() == 2);
    }

    private List<Call> sendsTo(Conversation where) {
        return fake.calls().stream().filter(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + where.id() + "/"))
                .sorted(java.util.Comparator.comparing(Call::at)).toList();
    }
}
