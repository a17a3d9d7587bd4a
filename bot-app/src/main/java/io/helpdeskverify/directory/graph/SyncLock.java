package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.SyncLease;
import io.helpdeskverify.shared.store.RedisLease;
import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/** "One instance syncs a customer at a time": a {@link RedisLease} per customer. */
class SyncLock {

    private final StringRedisTemplate redis;
    private final Duration lease;

    SyncLock(StringRedisTemplate redis, Duration lease) {
        this.redis = redis;
        this.lease = lease;
    }

    Optional<Lease> tryAcquire(String customer) {
        return RedisLease.tryAcquire(redis, key(customer), lease).map(Lease::new);
    }

    boolean isHeld(String customer) {
        return RedisLease.isHeld(redis, key(customer));
    }

    Duration lease() {
        return lease;
    }

    private static String key(String customer) {
        return "hv:graph:" + customer + ":lock";
    }

    /** One holder's claim on one customer's sync. */
    static final class Lease implements SyncLease {
        private final RedisLease held;

        private Lease(RedisLease held) {
            this.held = held;
        }

        @Override
        public boolean extend() {
            return held.extend();
        }

        @Override
        public boolean held() {
            return held.held();
        }

        @Override
        public void release() {
            held.release();
        }
    }
}
