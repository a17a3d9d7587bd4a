package io.helpdeskverify.verification.store;

import io.helpdeskverify.verification.UnsentChallenges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.connection.RedisZSetCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** {@code hv:{hv<n>}:unsent} (one per key shard): verification id → when its issued challenge must have been sent (ms), written by {@code write-verification.lua}. */
@Repository
class RedisUnsentChallenges implements UnsentChallenges {

    static final String NAME = "unsent";

    private final StringRedisTemplate redis;
    private final DueSet due;

    RedisUnsentChallenges(StringRedisTemplate redis) {
        this.redis = redis;
        this.due = new DueSet(redis, NAME);
    }

    @Override
    public List<String> claimDue(Instant now, int max, Duration lease) {
        return due.claimDue(now, max, lease);
    }

    @Override
    public void stillSending(String verificationId, Instant until) {
        // ZADD XX: only a challenge still unsent; one sent (or ended) meanwhile stays forgotten.
        redis.execute((RedisCallback<Boolean>) c -> c.zSetCommands().zAdd(due.keyFor(verificationId).getBytes(StandardCharsets.UTF_8),
                until.toEpochMilli(), verificationId.getBytes(StandardCharsets.UTF_8), RedisZSetCommands.ZAddArgs.ifExists()));
    }

    @Override
    public void forget(String verificationId) {
        due.remove(verificationId);
    }
}
