package io.helpdeskverify.chat.store;

import io.helpdeskverify.shared.LuaScripts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * When each pending verification's card is next due a countdown tick, for every instance: a sorted
 * set scored by due time. Claiming a tick pushes its score one interval ahead (the same script as
 * the expiry timer), so the claim is also the next tick's schedule, and an instance that dies
 * loses nothing.
 */
@Component
public class CountdownSchedule {

    private static final String TICKS = "hv:chat:ticks";
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public CountdownSchedule(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public void track(String verificationId, Duration interval) {
        redis.opsForZSet().add(TICKS, verificationId, clock.millis() + interval.toMillis());
    }

    public void untrack(String verificationId) {
        redis.opsForZSet().remove(TICKS, verificationId);
    }

    /** Up to {@code batch} verifications due a tick now, each claimed (and rescheduled) for this caller only. */
    public List<String> claimDue(int batch, Duration interval) {
        List<?> due = redis.execute(CLAIM, List.of(TICKS), Long.toString(clock.millis()), Integer.toString(batch),
                Long.toString(interval.toMillis()));
        return due == null ? List.of() : due.stream().map(Object::toString).toList();
    }
}
