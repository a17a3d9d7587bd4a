package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.verification.UnpublishedOutcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/** {@code hv:unpublished}: verification id → when the chat must have shown its outcome (ms), written by {@code write-verification.lua}. */
@Repository
public class RedisUnpublishedOutcomes implements UnpublishedOutcomes {

    static final String KEY = "hv:unpublished";

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;

    public RedisUnpublishedOutcomes(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> claimDue(Instant now, int max, Duration lease) {
        List<Object> due = redis.execute(CLAIM, List.of(KEY), Long.toString(now.toEpochMilli()),
                Integer.toString(max), Long.toString(lease.toMillis()));
        return due == null ? List.of() : due.stream().map(Object::toString).toList();
    }

    @Override
    public void shown(String verificationId) {
        redis.opsForZSet().remove(KEY, verificationId);
    }
}
