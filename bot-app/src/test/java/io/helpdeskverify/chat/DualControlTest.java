package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.cards.CardAction;
import io.helpdeskverify.cards.CardPhase;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.directory.CustomerPolicy;
import io.helpdeskverify.directory.DualControl;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Dual control through the real chat actions, service and Redis stores (no Spring context): the
 * customer marks {@code jdoe} high-risk; Tina starts an SMS-code verification of them from Slack
 * and approves it, which is not final until another technician approves or denies it.
 */
@ExtendWith(RedisConnection.class)
class DualControlTest {

    final ChatWorld world;
    final RecordingChatPlatform slack;
    final Technician tina;
    final Technician tom;
    String acme;
    Verification started;
    CardRef card;

    DualControlTest(StringRedisTemplate redis) {
        world = new ChatWorld(redis);
        slack = world.slack;
        tina = world.slackTechnician("U0TINA", "Tina");
        tom = world.slackTechnician("U0TOM", "Tom");
    }

    @BeforeEach
    void startAndSend() {
        acme = Fixtures.unique("acme");
        // By email, in another case than the directory's: how an admin is likely to list them.
        var policy = new CustomerPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), new DualControl(Set.of("JDoe@" + acme + ".example"), false));
        world.directory.createCustomer(acme, "Acme " + acme, List.of(acme + ".example"), "US", policy);
        world.userWithMobileAndEmail(acme, "jdoe");
        world.userWithMobileAndEmail(acme, "jroe");
        started = startAndSend("jdoe");
        card = slack.posted.get(0).ref();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private Verification startAndSend(String user) {
        int before = world.changes.size();
        world.flow.handle(world.slackRequest(tina, "verify " + user + "@" + acme + " --sms"));
        var v = world.changes.get(before).verification();
        world.verifications.markSent(v.id(), Channel.SMS, "queued");
        slack.told.clear();
        return v;
    }

    private Verification now() {
        return world.verifications.find(started.id()).orElseThrow();
    }

    private List<AuditEvent> events() {
        return world.events.query(EventQuery.latestFor(acme, "jdoe", 100)).stream()
                .filter(e -> e.verificationId().equals(started.id())).toList();
    }

    @Test
    void theRequestersApprovalWaitsAndTheyCanNeverConfirmItThemselves() {
        assertThat(started.dualControl()).isTrue();

        assertThat(world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina))).isEmpty();
        assertThat(now().state()).isEqualTo(State.AWAITING_SECOND);

        for (CardAction again : List.of(CardAction.APPROVE, CardAction.DENY)) {
            var answer = world.actions.handle(again, started.id(), tina, world.slackContext(tina));
            assertThat(answer).as("refused privately").hasValueSatisfying(m -> {
                var notice = TechnicianActionsTest.notice(m);
                assertThat(notice.title()).isEqualTo("A second technician must approve or deny this verification.");
                assertThat(notice.tone()).isEqualTo(NoticeView.Tone.WARNING);
            });
        }
        assertThat(now().state()).isEqualTo(State.AWAITING_SECOND);
        assertThat(now().isFinal()).isFalse();
        assertThat(events()).extracting(AuditEvent::type)
                .contains(EventType.SECOND_TECHNICIAN_REQUESTED)
                .doesNotContain(EventType.VERIFIED, EventType.UNAUTHORIZED_ACTION, EventType.SECOND_TECHNICIAN_APPROVED);
        assertThat(slack.auditReplies).anySatisfy(r -> {
            assertThat(r.entry().kind()).isEqualTo("Second technician needed");
            assertThat(r.entry().detail()).contains("Tina");
        });
    }

    @Test
    void aSecondTechnicianCompletesItAndTheCardAndEventsNameBoth() {
        world.startCardUpdates();
        world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(slack.latestView(card))
                .hasValueSatisfying(view -> {
                    assertThat(view.phase()).isEqualTo(CardPhase.WAITING_FOR_SECOND_TECHNICIAN);
                    assertThat(view.firstApproval()).isEqualTo("Tina");
                    assertThat(view.actions()).contains(CardAction.APPROVE, CardAction.DENY);
                }));

        assertThat(world.actions.handle(CardAction.APPROVE, started.id(), tom, world.slackContext(tom))).isEmpty();

        var v = now();
        assertThat(v.state()).isEqualTo(State.APPROVED);
        assertThat(v.decidedBy()).hasValueSatisfying(d -> assertThat(d.technician()).contains(tom));
        assertThat(v.firstApproval()).as("read back from Redis").contains(tina);
        assertThat(v.secondTechnician()).contains(tom);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(slack.latestView(card))
                .hasValueSatisfying(view -> {
                    assertThat(view.phase()).isEqualTo(CardPhase.VERIFIED);
                    assertThat(view.firstApproval()).isEqualTo("Tina");
                    assertThat(view.outcome()).hasValueSatisfying(o -> assertThat(o.decidedBy()).contains("Tom"));
                    assertThat(view.actions()).isEmpty();
                }));
        var events = events();
        assertThat(events).filteredOn(e -> e.type() == EventType.SECOND_TECHNICIAN_REQUESTED).singleElement()
                .satisfies(e -> assertThat(e.technician()).isEqualTo("Tina"));
        assertThat(events).filteredOn(e -> e.type() == EventType.SECOND_TECHNICIAN_APPROVED).singleElement()
                .satisfies(e -> {
                    assertThat(e.technician()).isEqualTo("Tom");
                    assertThat(e.technicianId()).isEqualTo(tom.key());
                    assertThat(e.reason()).contains("Tina");
                });
        assertThat(events).filteredOn(e -> !e.outcome().isEmpty()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.VERIFIED));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(slack.auditReplies)
                .extracting(r -> r.entry().kind())
                .contains("Second technician needed", "Second technician approved", "Verified"));
    }

    @Test
    void anotherTechnicianMayNotCancelWhileASecondTechnicianIsAwaited() {
        world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina));

        var answer = world.actions.handle(CardAction.CANCEL, started.id(), tom, world.slackContext(tom));

        assertThat(answer).hasValueSatisfying(m -> assertThat(TechnicianActionsTest.notice(m).title())
                .isEqualTo("Only Tina, who started this verification, can cancel it."));
        assertThat(now().state()).isEqualTo(State.AWAITING_SECOND);
        assertThat(events()).extracting(AuditEvent::type).contains(EventType.UNAUTHORIZED_ACTION);
    }

    @Test
    void aSecondTechniciansDenialEndsIt() {
        world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina));

        assertThat(world.actions.handle(CardAction.DENY, started.id(), tom, world.slackContext(tom))).isEmpty();

        assertThat(now().state()).isEqualTo(State.DENIED);
        assertThat(events()).extracting(AuditEvent::type)
                .contains(EventType.SECOND_TECHNICIAN_DENIED, EventType.UNABLE_TO_VERIFY);
    }

    @Test
    void aHundredRacingConfirmersYieldExactlyOneOutcome() throws Exception {
        world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina));
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(32);
        var answers = new ArrayList<Future<Optional<PrivateMessage>>>();
        try {
            for (int i = 0; i < 100; i++) {
                var who = world.slackTechnician("U0RACER" + i, "Racer " + i);
                var action = i % 3 == 0 ? CardAction.DENY : CardAction.APPROVE;
                Callable<Optional<PrivateMessage>> press = () -> {
                    go.await();
                    return world.actions.handle(action, started.id(), who, world.slackContext(who));
                };
                answers.add(pool.submit(press));
            }
            go.countDown();
            int won = 0;
            int toldDecided = 0;
            for (var a : answers) {
                var answer = a.get();
                if (answer.isEmpty()) {
                    won++;
                } else if (TechnicianActionsTest.notice(answer.get()).title().startsWith("Already decided")) {
                    toldDecided++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(toldDecided).isEqualTo(99);
        } finally {
            pool.shutdownNow();
        }
        assertThat(now().isFinal()).isTrue();
        var events = events();
        assertThat(events).filteredOn(e -> !e.outcome().isEmpty()).hasSize(1);
        assertThat(events).filteredOn(e -> e.type() == EventType.SECOND_TECHNICIAN_APPROVED
                || e.type() == EventType.SECOND_TECHNICIAN_DENIED).singleElement()
                .satisfies(e -> assertThat(e.technician()).isEqualTo(now().secondTechnician().orElseThrow().name()));
    }

    @Test
    void aUserWhoIsNotHighRiskNeedsOneTechnicianAsBefore() {
        var other = startAndSend("jroe");
        assertThat(other.dualControl()).isFalse();

        assertThat(world.actions.handle(CardAction.APPROVE, other.id(), tina, world.slackContext(tina))).isEmpty();

        var v = world.verifications.find(other.id()).orElseThrow();
        assertThat(v.state()).isEqualTo(State.APPROVED);
        assertThat(v.firstApproval()).isEmpty();
        assertThat(world.events.query(EventQuery.latestFor(acme, "jroe", 50)))
                .noneMatch(e -> e.type() == EventType.SECOND_TECHNICIAN_REQUESTED);
    }

    @Test
    void theDeadlineStillAppliesWhileASecondTechnicianIsAwaited() {
        world.actions.handle(CardAction.APPROVE, started.id(), tina, world.slackContext(tina));
        world.clock.advance(Duration.ofMinutes(11));

        assertThat(world.verifications.expireDue(100, Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1);

        assertThat(now().state()).isEqualTo(State.EXPIRED);
        assertThat(now().reason()).isEqualTo("no second technician before the deadline");
        var answer = world.actions.handle(CardAction.APPROVE, started.id(), tom, world.slackContext(tom));
        assertThat(answer).hasValueSatisfying(m -> assertThat(TechnicianActionsTest.notice(m).title())
                .startsWith("Already decided"));
    }
}
