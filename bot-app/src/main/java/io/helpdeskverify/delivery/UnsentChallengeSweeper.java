package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.UnsentChallenges;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On every instance: a challenge issued but never sent (its instance died or stopped before the
 * provider took it, and the code died with it) moves its verification down the ladder, so the
 * user gets a new challenge and the card says why, instead of everyone waiting for the deadline.
 */
@Component
class UnsentChallengeSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnsentChallengeSweeper.class);
    static final String REASON = "the instance that was sending it stopped";
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final UnsentChallenges unsent;
    private final VerificationService verifications;
    private final Clock clock;

    UnsentChallengeSweeper(UnsentChallenges unsent, VerificationService verifications, Clock clock) {
        this.unsent = unsent;
        this.verifications = verifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${helpdesk.delivery.unsent-sweep:5s}")
    void sweep() {
        try {
            for (String id : unsent.claimDue(clock.instant(), BATCH, LEASE)) {
                var v = verifications.find(id);
                if (v.isEmpty() || v.get().state() != State.PENDING) {
                    unsent.forget(id);
                    continue;
                }
                log.warn("Verification {}: its challenge was issued but never sent; moving down the ladder", id);
                verifications.fallBack(id, REASON);
            }
        } catch (RuntimeException e) {
            // Redis away: the records stay, the next sweep tries again.
            log.warn("Unsent-challenge sweep failed, will retry: {}", e.toString());
        }
    }
}
