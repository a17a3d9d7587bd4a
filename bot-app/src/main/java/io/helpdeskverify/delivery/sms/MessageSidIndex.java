package io.helpdeskverify.delivery.sms;

import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Which verification a Twilio message belongs to, so a status callback (which carries only the
 * message SID) can move the right card. In Redis, so any instance can take the callback.
 */
class MessageSidIndex {

    /** Carriers report late; a day covers every callback that still matters. */
    static final Duration KEEP = Duration.ofDays(1);
    private static final String PREFIX = "hv:twilio:sid:";

    private final StringRedisTemplate redis;

    MessageSidIndex(StringRedisTemplate redis) {
        this.redis = redis;
    }

    void remember(String messageSid, String verificationId) {
        redis.opsForValue().set(PREFIX + messageSid, verificationId, KEEP);
    }

    Optional<String> verificationOf(String messageSid) {
        return Optional.ofNullable(redis.opsForValue().get(PREFIX + messageSid));
    }
}
