package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.cards.CardAction;
import io.helpdeskverify.cards.CardPhase;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Approve, Deny and Cancel on a posted card ({@link TechnicianActions}), on the real service and
 * stores (a real Redis, no Spring context) and an in-memory platform. Each test starts an SMS-code
 * verification through {@link ChatFlow} as Tina and marks it sent, as the dispatcher would.
 */
@ExtendWith(RedisConnection.class)
class TechnicianActionsTest {

    final ChatWorld world;
    final RecordingChatPlatform slack;
    final Technician tina;
    final Technician tom;
    String acme;
    Verification started;
    CardRef card;

    TechnicianActionsTest(StringRedisTemplate redis) {
        world = new ChatWorld(redis);
        slack = world.slack;
        tina = world.slackTechnician("U0TINA", "Tina");
        tom = world.slackTechnician("U0TOM", "Tom");
    }

    @BeforeEach
    void startAndSend() {
        acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");
        world.flow.handle(world.slackRequest(tina, "verify jdoe@" + acme + " --sms"));
        started = world.changes.get(0).verification();
        card = slack.posted.get(0).ref();
        world.verifications.markSent(started.id(), Channel.SMS, "queued");
        slack.told.clear();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void theRequesterApprovesAndNeedsNoAnswer() {
        var answer = world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina));

        assertThat(answer).as("the card itself changes").isEmpty();
        var v = world.verifications.find(started.id()).orElseThrow();
        assertThat(v.state()).isEqualTo(State.APPROVED);
        assertThat(v.decidedBy()).hasValueSatisfying(d -> assertThat(d.technician()).contains(tina));
        assertThat(slack.told).isEmpty();
        // The outcome goes into the day's audit thread of the card's conversation.
        assertThat(slack.auditRoots).singleElement().satisfies(r -> assertThat(r.where()).isEqualTo(card.conversation()));
        assertThat(slack.auditReplies).anySatisfy(r -> assertThat(r.entry().kind()).containsIgnoringCase("verified"));
    }

    @Test
    void anApprovalRepaintsTheCardThroughTheUpdater() {
        world.startCardUpdates();

        world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                assertThat(slack.latestView(card)).hasValueSatisfying(view -> {
                    assertThat(view.phase()).isEqualTo(CardPhase.VERIFIED);
                    assertThat(view.actions()).as("no buttons once final").isEmpty();
                }));
    }

    @Test
    void theCardSaysWhenTheUserReportsThatTheyDidNotAskForThis() {
        world.startCardUpdates();
        world.userWithMobileAndEmail(acme, "jroe");
        world.enrolApp(acme, "jroe");
        world.flow.handle(world.slackRequest(tina, "verify jroe@" + acme + " --push"));
        var push = world.changes.stream().map(c -> c.verification()).filter(v -> v.endUser().equals("jroe"))
                .findFirst().orElseThrow();
        var pushCard = slack.posted.get(slack.posted.size() - 1).ref();
        world.verifications.markSent(push.id(), Channel.PUSH, "to 1 device");

        world.verifications.userReport(push.id());

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                assertThat(slack.latestView(pushCard)).hasValueSatisfying(view -> {
                    assertThat(view.phase()).isEqualTo(CardPhase.UNABLE_TO_VERIFY);
                    assertThat(view.userReported()).isTrue();
                    assertThat(view.userResponse()).isEqualTo("Denied");
                }));
    }

    @Test
    void anotherTechnicianIsRefusedAndTheAttemptIsRecorded() {
        var answer = world.actions.handle(CardAction.APPROVE, started.id(), tom, world.slackContext(tom));

        assertThat(answer).hasValueSatisfying(m -> {
            var notice = notice(m);
            assertThat(notice.title())
                    .isEqualTo("Only Tina, who started this verification, can approve, deny or cancel it.");
            assertThat(notice.tone()).isEqualTo(NoticeView.Tone.WARNING);
        });
        assertThat(world.verifications.find(started.id()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(slack.auditReplies).anySatisfy(r -> {
            assertThat(r.entry().kind()).isEqualTo("Refused: not the requesting technician");
            assertThat(r.entry().detail()).isEqualTo("Tom pressed Approve; only Tina may decide.");
        });
        assertThat(world.events.query(EventQuery.latestFor(acme, "jdoe", 20)))
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo(EventType.UNAUTHORIZED_ACTION);
                    assertThat(e.technician()).contains("Tom");
                });
    }

    @Test
    void pressesOfAnotherTechnicianBeyondTheLimitAreNoLongerRecorded() {
        for (int i = 0; i < ChatWorld.ACCESS.maxRefusedClicks(); i++) {
            assertThat(notice(world.actions.handle(CardAction.DENY, started.id(), tom, world.slackContext(tom))
                    .orElseThrow()).title()).startsWith("Only Tina");
        }
        int replies = slack.auditReplies.size();

        var answer = world.actions.handle(CardAction.DENY, started.id(), tom, world.slackContext(tom));

        assertThat(notice(answer.orElseThrow()).title()).isEqualTo("Stop: this button is not yours to press.");
        assertThat(slack.auditReplies).hasSize(replies);
        assertThat(world.verifications.find(started.id()).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void aSecondDecisionIsAnsweredWithTheOutcome() {
        world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina));

        var answer = world.actions.handle(CardAction.DENY, started.id(), tina, world.slackContext(tina));

        assertThat(answer).hasValueSatisfying(m -> assertThat(notice(m).title()).isEqualTo("Already decided: Verified."));
        assertThat(world.verifications.find(started.id()).orElseThrow().state()).isEqualTo(State.APPROVED);
    }

    @Test
    void aVerificationThatNoLongerExistsIsSaidSo() {
        var answer = world.actions.handle(CardAction.CANCEL, "v-gone", tina, world.slackContext(tina));

        assertThat(answer).hasValueSatisfying(m ->
                assertThat(notice(m).title()).isEqualTo("This verification no longer exists."));
    }

    static NoticeView notice(PrivateMessage message) {
        assertThat(message).isInstanceOf(PrivateMessage.Notice.class);
        return ((PrivateMessage.Notice) message).view();
    }

}
