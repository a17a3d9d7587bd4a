package io.helpdeskverify.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The rate budget of card updates, shared by every instance through Redis: sliding windows per
 * scope (Slack: 40 per minute per workspace; Teams: 7 per second and 60 per 30 s per conversation)
 * plus the platform's own {@code Retry-After}. Countdown ticks may spend only part of each window,
 * so a state change finds room even when many cards are ticking.
 */
@Component
public class UpdateBudget {

    /** A state change must reach the card; a tick only refreshes "about 40 s left". */
    public enum Priority {
        STATE,
        TICK
    }

    /** At most {@code max} updates in any {@code per}. */
    public record Window(int max, Duration per) {
        public Window {
            if (max < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a budget window needs max >= 1 and a positive length");
            }
        }
    }

    /** @param tickShare the share of each window countdown ticks may use (0 to 1) */
    public record Limits(List<Window> windows, double tickShare) {
        public Limits {
            windows = List.copyOf(windows);
            if (windows.isEmpty() || tickShare < 0 || tickShare > 1) {
                throw new IllegalArgumentException("at least one window, and a tick share between 0 and 1");
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT =
            RedisScript.of(new ClassPathResource("redis/update-budget.lua"), List.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public UpdateBudget(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Spends one update, or says how long to wait before asking again. */
    public Optional<Duration> tryAcquire(String scope, Limits limits, Priority priority) {
        var args = new ArrayList<String>();
        args.add(Long.toString(clock.millis()));
        args.add(UUID.randomUUID().toString());
        args.add(Integer.toString(limits.windows().size()));
        for (Window w : limits.windows()) {
            int reserve = priority == Priority.TICK ? w.max() - (int) Math.floor(w.max() * limits.tickShare()) : 0;
            args.add(Long.toString(w.per().toMillis()));
            args.add(Integer.toString(w.max()));
            args.add(Integer.toString(reserve));
        }
        List<?> reply = redis.execute(SCRIPT, List.of(key(scope), blockKey(scope)), args.toArray());
        if (reply != null && ((Number) reply.get(0)).longValue() == 1) {
            return Optional.empty();
        }
        long wait = reply == null ? 1000 : ((Number) reply.get(1)).longValue();
        return Optional.of(Duration.ofMillis(Math.max(1, wait)));
    }

    /** The platform answered 429: nothing is sent in this scope, by any instance, for {@code wait}. */
    public void block(String scope, Duration wait) {
        redis.opsForValue().set(blockKey(scope), "1", wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    private static String key(String scope) {
        return "hv:chat:budget:" + scope;
    }

    private static String blockKey(String scope) {
        return "hv:chat:budget-block:" + scope;
    }
}
