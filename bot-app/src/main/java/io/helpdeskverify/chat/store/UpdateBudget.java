package io.helpdeskverify.chat.store;

import io.helpdeskverify.chat.core.UpdateLimits;
import io.helpdeskverify.shared.LuaScripts;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisZSetCommands.ZAddArgs;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The rate budget of card updates, shared by every instance through Redis: sliding windows per
 * scope (Slack: 40 per minute per workspace; Teams: 7 per second and 60 per 30 s per conversation)
 * plus the platform's own {@code Retry-After}. Countdown ticks may spend only part of each window,
 * so a state change finds room even when many cards are ticking.
 *
 * <p>A slot counts from the moment its request was answered, not from the grant: the sender reports
 * that with {@link #sent}. Until then the slot is held as in flight, so updates sent in parallel, or
 * delayed between the grant and the wire, can never put more than the window's worth of requests
 * inside one window at the platform.
 */
@Component
public class UpdateBudget {

    /** A state change must reach the card; a tick only refreshes "about 40 s left". */
    public enum Priority {
        STATE,
        TICK
    }

    /** The answer to {@link #tryAcquire}. */
    public sealed interface Spend permits Granted, Wait {}

    /** One slot of {@code scope}: send now, then report {@link #sent}. */
    public record Granted(String scope, String slot) implements Spend {}

    /** No slot yet: ask again after {@code duration}. */
    public record Wait(Duration duration) implements Spend {}

    private static final Logger log = LoggerFactory.getLogger(UpdateBudget.class);
    /* A send the bot never reports (its instance died mid-request) frees its slot after this. */
    private static final Duration IN_FLIGHT_HOLD = Duration.ofSeconds(30);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT =
            LuaScripts.load("update-budget.lua", List.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    /* Slot names: unique across instances, and short, because each lives in Redis for a window. */
    private final String instance = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private final AtomicLong slots = new AtomicLong();

    public UpdateBudget(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Spends one update, or says how long to wait before asking again. */
    public Spend tryAcquire(String scope, UpdateLimits limits, Priority priority) {
        String slot = instance + ":" + Long.toString(slots.incrementAndGet(), 36);
        var args = new ArrayList<String>();
        args.add(Long.toString(clock.millis()));
        args.add(slot);
        args.add(Long.toString(IN_FLIGHT_HOLD.toMillis()));
        args.add(Integer.toString(limits.windows().size()));
        for (UpdateLimits.Window w : limits.windows()) {
            int reserve = priority == Priority.TICK ? w.max() - (int) Math.floor(w.max() * limits.tickShare()) : 0;
            args.add(Long.toString(w.per().toMillis()));
            args.add(Integer.toString(w.max()));
            args.add(Integer.toString(reserve));
        }
        List<?> reply = redis.execute(SCRIPT, List.of(key(scope), blockKey(scope)), args.toArray());
        if (reply != null && ((Number) reply.get(0)).longValue() == 1) {
            return new Granted(scope, slot);
        }
        long wait = reply == null ? 1000 : ((Number) reply.get(1)).longValue();
        return new Wait(Duration.ofMillis(Math.max(1, wait)));
    }

    /**
     * The platform has answered the request of {@code granted} (whatever it said, or the call gave
     * up): its slot counts from now. Call it exactly once per grant, in a {@code finally}.
     */
    public void sent(Granted granted) {
        byte[] key = key(granted.scope()).getBytes(StandardCharsets.UTF_8);
        byte[] slot = granted.slot().getBytes(StandardCharsets.UTF_8);
        double answeredAt = clock.millis();
        try {
            // XX: a slot already trimmed away (the send outlived its hold) is not brought back.
            redis.execute((RedisCallback<Boolean>) c -> c.zSetCommands().zAdd(key, answeredAt, slot, ZAddArgs.ifExists()));
        } catch (DataAccessException e) {
            // Redis away for a moment: the slot stays held until IN_FLIGHT_HOLD, which only slows updates.
            log.debug("Could not mark card update slot answered in {}: {}", granted.scope(), e.toString());
        }
    }

    /** The platform answered 429: nothing is sent in this scope, by any instance, for {@code wait}. */
    public void block(String scope, Duration wait) {
        redis.opsForValue().set(blockKey(scope), "1", wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    /* The scope's two keys go together into update-budget.lua: one hash tag, the scope's. */
    private static String key(String scope) {
        return "hv:{chat-budget:" + scope + "}";
    }

    private static String blockKey(String scope) {
        return "hv:{chat-budget:" + scope + "}:block";
    }
}
