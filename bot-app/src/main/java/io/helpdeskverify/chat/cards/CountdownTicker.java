package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.cards.UpdateBudget.Priority;
import io.helpdeskverify.chat.store.SentCards;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Countdown ticks, once per interval per pending verification across all instances. The same
 * sorted-set claim as the expiry timer: claiming a tick pushes its score one interval ahead, so the
 * claim is also the next tick's schedule, and an instance that dies loses nothing.
 */
@Component
class CountdownTicker {

    private static final Logger log = LoggerFactory.getLogger(CountdownTicker.class);
    private static final String TICKS = "hv:chat:ticks";
    private static final int BATCH = 200;
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;
    private final VerificationService verifications;
    private final SentCards bindings;
    private final CardUpdater updater;
    private final Clock clock;
    private final Duration interval;

    CountdownTicker(StringRedisTemplate redis, VerificationService verifications, SentCards bindings,
                    CardUpdater updater, Clock clock, ChatProperties props) {
        this.redis = redis;
        this.verifications = verifications;
        this.bindings = bindings;
        this.updater = updater;
        this.clock = clock;
        this.interval = props.countdownTick();
    }

    void track(String verificationId) {
        redis.opsForZSet().add(TICKS, verificationId, clock.millis() + interval.toMillis());
    }

    void untrack(String verificationId) {
        redis.opsForZSet().remove(TICKS, verificationId);
    }

    @Scheduled(fixedDelayString = "${helpdesk.chat.tick-poll-interval:1s}")
    @SuppressWarnings("unchecked")
    void tick() {
        try {
            List<Object> due = redis.execute(CLAIM, List.of(TICKS), Long.toString(clock.millis()),
                    Integer.toString(BATCH), Long.toString(interval.toMillis()));
            for (Object id : due == null ? List.of() : due) {
                var v = verifications.find(id.toString());
                if (v.isEmpty() || v.get().isFinal()) {
                    untrack(id.toString());
                    continue;
                }
                bindings.cards(id.toString()).forEach(card -> updater.request(id.toString(), card, Priority.TICK));
            }
        } catch (RuntimeException e) {
            log.warn("Countdown tick round failed, will retry: {}", e.toString());
        }
    }
}
