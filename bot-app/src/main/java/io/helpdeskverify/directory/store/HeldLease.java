package io.helpdeskverify.directory.store;

import io.helpdeskverify.directory.SyncLease;
import io.helpdeskverify.shared.store.RedisLease;

/** A directory sync's lease, held in Redis: the one adapter of {@link SyncLease} for every source. */
record HeldLease(RedisLease redis) implements SyncLease {
    @Override
    public boolean extend() {
        return redis.extend();
    }

    @Override
    public boolean held() {
        return redis.held();
    }

    @Override
    public void release() {
        redis.release();
    }
}
