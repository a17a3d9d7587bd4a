package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.SyncLease;
import io.helpdeskverify.shared.LuaScripts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * "One instance syncs a customer at a time": {@code SET NX PX} with a random holder token, and
 * token-checked Lua for extending and releasing. A holder that dies stops extending, so the lease
 * runs out and another instance takes over from the saved progress.
 */
class SyncLock {

    private static final RedisScript<Long> RELEASE =
            LuaScripts.load("lease-release.lua", Long.class);
    private static final RedisScript<Long> EXTEND =
            LuaScripts.load("lease-extend.lua", Long.class);

    private final StringRedisTemplate redis;
    private final Duration lease;

    SyncLock(StringRedisTemplate redis, Duration lease) {
        this.redis = redis;
        this.lease = lease;
    }

    Optional<Lease> tryAcquire(String customer) {
        String key = key(customer);
        String token = UUID.randomUUID().toString();
        Boolean ok = redis.opsForValue().setIfAbsent(key, token, lease);
        return Boolean.TRUE.equals(ok) ? Optional.of(new Lease(key, token)) : Optional.empty();
    }

    boolean isHeld(String customer) {
        return Boolean.TRUE.equals(redis.hasKey(key(customer)));
    }

    Duration lease() {
        return lease;
    }

    private static String key(String customer) {
        return "hv:graph:" + customer + ":lock";
    }

    /** One holder's claim on one customer's sync. */
    final class Lease implements SyncLease {
        private final String key;
        private final String token;
        private volatile boolean lost;

        private Lease(String key, String token) {
            this.key = key;
            this.token = token;
        }

        /** False once the lease ran out or was taken: the holder must stop writing. */
        @Override
        public boolean extend() {
            if (lost) {
                return false;
            }
            Long r = redis.execute(EXTEND, List.of(key), token, Long.toString(lease.toMillis()));
            lost = r == null || r == 0;
            return !lost;
        }

        @Override
        public boolean held() {
            return !lost;
        }

        @Override
        public void release() {
            lost = true;
            redis.execute(RELEASE, List.of(key), token);
        }
    }
}
