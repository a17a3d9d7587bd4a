package io.helpdeskverify.delivery;

import io.helpdeskverify.shared.store.StoreFailures;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Gets "sent" into the store once a provider has accepted a challenge. The provider's yes cannot
 * be taken back: the user may already hold the code. If Redis is away at that moment the write is
 * tried again with back-off (never by sending again, and never by moving down the ladder) until it
 * lands or the verification's countdown is over, when the expiry ends it anyway. A write that lands
 * late says so in its detail, so the card and the audit log show when it was really sent.
 *
 * <p>The pending writes live in this instance's memory only (Redis is what is down), bounded by
 * {@link #MAX_PENDING}; docs/delivery.md says what that does and does not guarantee.
 */
@Component
class SentConfirmations {

    private static final Logger log = LoggerFactory.getLogger(SentConfirmations.class);

    static final int MAX_PENDING = 10_000;
    private static final Duration FIRST_WAIT = Duration.ofMillis(250);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final VerificationService verifications;
    private final Executor executor;
    private final RetryTimer timer;
    private final Clock clock;
    private final AtomicInteger pending = new AtomicInteger();

    SentConfirmations(VerificationService verifications, @Qualifier("deliveryExecutor") Executor executor,
                      RetryTimer timer, Clock clock) {
        this.verifications = verifications;
        this.executor = executor;
        this.timer = timer;
        this.clock = clock;
    }

    /** A provider accepted the challenge of {@code verificationId} at {@code acceptedAt}; worth recording until {@code expiresAt}. */
    record Receipt(String verificationId, Channel channel, String detail, Instant acceptedAt, Instant expiresAt) {}

    void confirm(Receipt receipt) {
        attempt(receipt, 1);
    }

    /** How many confirmations wait for the store right now. */
    int pending() {
        return pending.get();
    }

    private void attempt(Receipt r, int attempt) {
        boolean finished = write(r, attempt) || !retry(r, attempt);
        if (finished && attempt > 1) {
            pending.decrementAndGet();
        }
    }

    /** @return whether this receipt needs nothing more: recorded, or refused for a reason other than an outage */
    private boolean write(Receipt r, int attempt) {
        try {
            verifications.markSent(r.verificationId(), r.channel(), attempt == 1 ? r.detail() : r.detail() + lateNote(r));
            if (attempt > 1) {
                log.info("Verification {}: 'sent' recorded after {} attempts, {} s after the provider accepted it",
                        r.verificationId(), attempt, Duration.between(r.acceptedAt(), clock.instant()).toSeconds());
            }
            return true;
        } catch (RuntimeException e) {
            if (StoreFailures.isOutage(e)) {
                return false;
            }
            log.error("Verification {}: recording 'sent' failed", r.verificationId(), e);
            return true;
        }
    }

    /** @return whether another attempt is scheduled */
    private boolean retry(Receipt r, int attempt) {
        Duration wait = wait(attempt);
        Instant at = clock.instant().plus(wait);
        if (at.isAfter(r.expiresAt())) {
            log.warn("Verification {}: the provider accepted its challenge but the store stayed away until the "
                    + "countdown ended; it will expire without 'sent'", r.verificationId());
            return false;
        }
        if (attempt == 1 && pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            log.error("Verification {}: {} confirmations already wait for the store; this one is dropped",
                    r.verificationId(), MAX_PENDING);
            return false;
        }
        log.warn("Verification {}: the provider accepted it but the store is away; recording 'sent' again in {} ms",
                r.verificationId(), wait.toMillis());
        timer.at(at, () -> executor.execute(() -> attempt(r, attempt + 1)));
        return true;
    }

    private String lateNote(Receipt r) {
        long seconds = Duration.between(r.acceptedAt(), clock.instant()).toSeconds();
        return " (recorded " + seconds + " s late: the data store was unavailable)";
    }

    private static Duration wait(int attempt) {
        Duration d = FIRST_WAIT.multipliedBy(1L << Math.min(attempt - 1, 10));
        return d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d;
    }
}
