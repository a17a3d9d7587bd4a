package io.helpdeskverify.psa.store;

import io.helpdeskverify.psa.PsaCallCounter;
import io.helpdeskverify.psa.PsaProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code hv:psa-calls:<provider>:<hour start, epoch seconds>}: one counter per clock hour (as
 * Autotask counts), INCR by every instance, gone two hours after it starts.
 */
@Repository
class RedisPsaCallCounter implements PsaCallCounter {

    private static final Duration KEEP = Duration.ofHours(2);

    private final StringRedisTemplate redis;
    private final Clock clock;

    RedisPsaCallCounter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public long spend(PsaProvider provider) {
        String key = key(provider);
        Long n = redis.opsForValue().increment(key);
        if (n != null && n == 1L) {
            redis.expire(key, KEEP);
        }
        return n == null ? 0 : n;
    }

    @Override
    public long thisHour(PsaProvider provider) {
        return Optional.ofNullable(redis.opsForValue().get(key(provider))).map(Long::parseLong).orElse(0L);
    }

    private String key(PsaProvider provider) {
        return "hv:psa-calls:" + provider.id() + ":" + clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
    }
}
