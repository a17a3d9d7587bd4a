package io.helpdeskverify.verification.store;

import io.helpdeskverify.verification.UnpublishedOutcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** {@code hv:{hv<n>}:unpublished} (one per key shard): verification id → when the chat must have shown its outcome (ms), written by {@code write-verification.lua}. */
@Repository
public class RedisUnpublishedOutcomes implements UnpublishedOutcomes {

    static final String NAME = "unpublished";

    private final DueSet due;

    public RedisUnpublishedOutcomes(StringRedisTemplate redis) {
        this.due = new DueSet(redis, NAME);
    }

    @Override
    public List<String> claimDue(Instant now, int max, Duration lease) {
        return due.claimDue(now, max, lease);
    }

    @Override
    public void shown(String verificationId) {
        due.remove(verificationId);
    }
}
