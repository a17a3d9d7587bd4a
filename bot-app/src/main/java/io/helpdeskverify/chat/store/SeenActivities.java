package io.helpdeskverify.chat.store;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Teams re-posts an activity it got no answer to within 15 s, possibly to another instance: the
 * first instance to claim an activity id here handles it, any repeat is only answered.
 */
@Component
public class SeenActivities {

    /* Teams retries within minutes; an hour is a wide margin. */
    private static final Duration KEEP = Duration.ofHours(1);

    private final StringRedisTemplate redis;

    public SeenActivities(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** @return true the first time this activity id is seen; an activity without id is always new */
    public boolean firstTime(String conversationId, String activityId) {
        if (activityId == null || activityId.isBlank()) {
            return true;
        }
        // Activity ids are unique within a conversation only.
        return Boolean.TRUE.equals(redis.opsForValue()
                .setIfAbsent("hv:teams:activity:" + conversationId + ":" + activityId, "1", KEEP));
    }
}
