package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.store.SentCards;
import io.helpdeskverify.chat.store.UpdateBudget.Priority;
import io.helpdeskverify.verification.UnpublishedOutcomes;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On every instance: takes over outcomes whose grace ran out without being shown (the instance
 * that ended the verification died, or stopped with updates queued) and shows them: the cards
 * that do not show the final version are repainted, and the outcome goes into the audit threads
 * unless it is there already. Each is leased while this instance works on it.
 */
@Component
class OutcomeSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutcomeSweeper.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofSeconds(30);
    /* A verification whose card was never posted has nothing to show: after this long it is let go. */
    private static final Duration GIVE_UP_WITHOUT_CARDS = Duration.ofMinutes(10);
    /* A card that refuses every update for this long (deleted channel, removed app) is let go. */
    private static final Duration GIVE_UP = Duration.ofHours(1);

    private final UnpublishedOutcomes unpublished;
    private final VerificationService verifications;
    private final SentCards bindings;
    private final CardUpdater updater;
    private final CardPublisher publisher;
    private final OutcomeDelivery delivery;
    private final Clock clock;

    OutcomeSweeper(UnpublishedOutcomes unpublished, VerificationService verifications, SentCards bindings,
                   CardUpdater updater, CardPublisher publisher, OutcomeDelivery delivery, Clock clock) {
        this.unpublished = unpublished;
        this.verifications = verifications;
        this.bindings = bindings;
        this.updater = updater;
        this.publisher = publisher;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${helpdesk.chat.outcome-sweep:2s}")
    void sweep() {
        try {
            for (String id : unpublished.claimDue(clock.instant(), BATCH, LEASE)) {
                verifications.find(id).ifPresentOrElse(this::finish, () -> unpublished.shown(id));
            }
        } catch (RuntimeException e) {
            // Redis away: the records stay, the next sweep tries again.
            log.warn("Outcome sweep failed, will retry: {}", e.toString());
        }
    }

    private void finish(Verification v) {
        if (!v.isFinal()) {
            unpublished.shown(v.id());
            return;
        }
        var cards = bindings.cards(v.id());
        var ended = v.decidedAt().orElse(v.expiresAt());
        if (cards.isEmpty()) {
            if (ended.plus(GIVE_UP_WITHOUT_CARDS).isBefore(clock.instant())) {
                unpublished.shown(v.id());
            }
            return;
        }
        if (ended.plus(GIVE_UP).isBefore(clock.instant())) {
            log.warn("The outcome of verification {} could not be shown on its cards for {}; giving up", v.id(), GIVE_UP);
            unpublished.shown(v.id());
            return;
        }
        log.info("Showing the outcome of verification {}, left unshown by another instance", v.id());
        bindings.notPaintedAt(v.id(), v.version()).forEach(card -> updater.request(v.id(), card, Priority.STATE));
        publisher.auditOutcome(v, cards, AuditEntries.outcome(v, publisher.view(v)));
        delivery.check(v);
    }
}
