package io.helpdeskverify.alerts.store;

import io.helpdeskverify.alerts.AlertMarks;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * One key per raised alert, set only if absent: the instance whose SET NX succeeds raises it. The
 * customer's hash tag keeps the marks on the shard of the customer's events.
 */
@Repository
class RedisAlertMarks implements AlertMarks {

    /* Longer than any rule's window and the watch's look-back, so a late reader still finds the mark. */
    private static final Duration KEEP = Duration.ofDays(2);

    private final StringRedisTemplate redis;

    RedisAlertMarks(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public boolean claim(String customer, String occurrence) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent("hv:{c:" + customer + "}:alert:" + occurrence, "1",
                KEEP));
    }
}
