package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.LuaScripts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A sorted set of ids by the time each is due (ms), claimed with {@code claim-due.lua}: due ids are
 * pushed a lease ahead in the same step, so two instances never take the same one and one that
 * dies lets it come back. The expiry schedule, the unshown outcomes and the unsent challenges.
 */
final class DueSet {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;
    private final String key;

    DueSet(StringRedisTemplate redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    @SuppressWarnings("unchecked")
    List<String> claimDue(Instant now, int max, Duration lease) {
        List<Object> due = redis.execute(CLAIM, List.of(key), Long.toString(now.toEpochMilli()),
                Integer.toString(max), Long.toString(lease.toMillis()));
        return due == null ? List.of() : due.stream().map(Object::toString).toList();
    }

    void remove(String id) {
        redis.opsForZSet().remove(key, id);
    }

    void schedule(String id, Instant at) {
        redis.opsForZSet().add(key, id, at.toEpochMilli());
    }
}
