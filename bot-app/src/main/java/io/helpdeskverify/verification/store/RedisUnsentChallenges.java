package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.verification.UnsentChallenges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.connection.RedisZSetCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/** {@code hv:unsent}: verification id → when its issued challenge must have been sent (ms), written by {@code write-verification.lua}. */
@Repository
class RedisUnsentChallenges implements UnsentChallenges {

    static final String KEY = "hv:unsent";

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;

    RedisUnsentChallenges(StringRedisTemplate redis) {
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
    public void stillSending(String verificationId, Instant until) {
        // ZADD XX: only a challenge still unsent; one sent (or ended) meanwhile stays forgotten.
        redis.execute((RedisCallback<Boolean>) c -> c.zSetCommands().zAdd(KEY.getBytes(StandardCharsets.UTF_8),
                until.toEpochMilli(), verificationId.getBytes(StandardCharsets.UTF_8), RedisZSetCommands.ZAddArgs.ifExists()));
    }

    @Override
    public void forget(String verificationId) {
        redis.opsForZSet().remove(KEY, verificationId);
    }
}
