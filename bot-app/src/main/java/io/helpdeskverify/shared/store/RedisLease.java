package io.helpdeskverify.shared.store;

import io.helpdeskverify.shared.LuaScripts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * "One holder at a time, across instances": {@code SET NX PX} with a random holder token, and
 * token-checked Lua for extending and releasing, so only the holder can do either. A holder that
 * dies stops extending, and the lease runs out. The directory syncs (Microsoft 365 and Active
 * Directory) hold one per customer.
 */
public final class RedisLease {

    private static final RedisScript<Long> RELEASE = LuaScripts.load("lease-release.lua", Long.class);
    private static final RedisScript<Long> EXTEND = LuaScripts.load("lease-extend.lua", Long.class);

    private final StringRedisTemplate redis;
    private final String key;
    private final String token;
    private final Duration length;
    private volatile boolean lost;

    private RedisLease(StringRedisTemplate redis, String key, String token, Duration length) {
        this.redis = redis;
        this.key = key;
        this.token = token;
        this.length = length;
    }

    /** The lease on {@code key} for {@code length}, unless someone holds it. */
    public static Optional<RedisLease> tryAcquire(StringRedisTemplate redis, String key, Duration length) {
        String token = UUID.randomUUID().toString();
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, length))
                ? Optional.of(new RedisLease(redis, key, token, length)) : Optional.empty();
    }

    /** Whether anyone holds the lease on {@code key} now. */
    public static boolean isHeld(StringRedisTemplate redis, String key) {
        return Boolean.TRUE.equals(redis.hasKey(key));
    }

    /** False once the lease ran out or was taken: the holder must stop writing. */
    public boolean extend() {
        if (lost) {
            return false;
        }
        Long r = redis.execute(EXTEND, List.of(key), token, Long.toString(length.toMillis()));
        lost = r == null || r == 0;
        return !lost;
    }

    public boolean held() {
        return !lost;
    }

    public void release() {
        lost = true;
        redis.execute(RELEASE, List.of(key), token);
    }
}
