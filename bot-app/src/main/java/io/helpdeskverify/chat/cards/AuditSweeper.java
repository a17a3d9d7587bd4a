package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.store.AuditOutbox;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On every instance: posts the audit replies left in the {@link AuditOutbox} (a post that failed, an
 * instance that died before posting), per verification in the order of its steps, each once. A
 * verification is leased while this instance works on it; a failed post stops that verification's
 * round (later replies wait, so the order holds) and is retried with a growing delay, up to
 * {@link #GIVE_UP} after the step, when the reply is let go with a warning.
 */
@Component
class AuditSweeper {

    /** How long the instance that made the change has to post a reply before any sweep may. */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(AuditSweeper.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final Duration GIVE_UP = Duration.ofHours(1);

    private final AuditOutbox outbox;
    private final ChatPlatforms platforms;
    private final AuditThreads threads;
    private final Clock clock;

    AuditSweeper(AuditOutbox outbox, ChatPlatforms platforms, AuditThreads threads, Clock clock) {
        this.outbox = outbox;
        this.platforms = platforms;
        this.threads = threads;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${helpdesk.chat.audit-sweep:2s}")
    void sweep() {
        try {
            for (String id : outbox.claimDue(clock.instant(), BATCH, LEASE)) {
                post(id);
            }
        } catch (RuntimeException e) {
            // Redis away: the replies stay, the next sweep tries again.
            log.warn("Audit reply sweep failed, will retry: {}", e.toString());
        }
    }

    private void post(String verificationId) {
        for (var p : outbox.pending(verificationId)) {
            var platform = platforms.of(p.where().platform());
            var age = Duration.between(p.entry().at(), clock.instant());
            if (platform.isEmpty() || age.compareTo(GIVE_UP) > 0) {
                log.warn("Audit reply '{}' of verification {} given up (platform off or older than {})",
                        p.entry().kind(), verificationId, GIVE_UP);
                outbox.posted(verificationId, p.field());
                continue;
            }
            try {
                threads.reply(platform.get(), p.where(), p.entry());
                outbox.posted(verificationId, p.field());
            } catch (RuntimeException e) {
                // Later replies wait behind this one; the delay grows with the reply's age, bounded.
                var delay = age.dividedBy(2);
                delay = delay.compareTo(GRACE) < 0 ? GRACE : delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
                log.warn("Audit reply '{}' of verification {} not posted, retry in {}: {}", p.entry().kind(),
                        verificationId, delay, e.toString());
                outbox.retryAt(verificationId, clock.instant().plus(delay));
                return;
            }
        }
        outbox.settled(verificationId, clock.instant().plus(GRACE));
    }
}
