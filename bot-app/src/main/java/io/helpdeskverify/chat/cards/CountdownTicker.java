package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.store.CountdownSchedule;
import io.helpdeskverify.chat.store.SentCards;
import io.helpdeskverify.chat.store.UpdateBudget.Priority;
import io.helpdeskverify.verification.VerificationService;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Countdown ticks, once per interval per pending verification across all instances ({@link CountdownSchedule}). */
@Component
class CountdownTicker {

    private static final Logger log = LoggerFactory.getLogger(CountdownTicker.class);
    private static final int BATCH = 200;

    private final CountdownSchedule schedule;
    private final VerificationService verifications;
    private final SentCards bindings;
    private final CardUpdater updater;
    private final Duration interval;

    CountdownTicker(CountdownSchedule schedule, VerificationService verifications, SentCards bindings,
                    CardUpdater updater, ChatProperties props) {
        this.schedule = schedule;
        this.verifications = verifications;
        this.bindings = bindings;
        this.updater = updater;
        this.interval = props.countdownTick();
    }

    void track(String verificationId) {
        schedule.track(verificationId, interval);
    }

    void untrack(String verificationId) {
        schedule.untrack(verificationId);
    }

    @Scheduled(fixedDelayString = "${helpdesk.chat.tick-poll-interval:1s}")
    void tick() {
        try {
            for (String id : schedule.claimDue(BATCH, interval)) {
                var v = verifications.find(id);
                if (v.isEmpty() || v.get().isFinal()) {
                    untrack(id);
                    continue;
                }
                bindings.cards(id).forEach(card -> updater.request(id, card, Priority.TICK));
            }
        } catch (RuntimeException e) {
            log.warn("Countdown tick round failed, will retry: {}", e.toString());
        }
    }
}
