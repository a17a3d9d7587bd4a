package io.helpdeskverify.chat.store;

import io.helpdeskverify.chat.core.AccessProperties;

import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.verification.Technician;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Refused button clicks are recorded (an {@code UNAUTHORIZED_ACTION} event, a line in the audit
 * thread), but a person who keeps pressing must not flood the audit log or the thread: per person
 * and verification, {@code maxRefusedClicks} within {@code refusedClickWindow}, then silence.
 * Counted in Redis by one script, so every instance sees the same count.
 */
@Component
public class RefusedClicks {

    private static final RedisScript<Long> SPEND = LuaScripts.load("refused-click.lua", Long.class);

    private final StringRedisTemplate redis;
    private final AccessProperties props;
    private final Clock clock;

    public RefusedClicks(StringRedisTemplate redis, AccessProperties props, Clock clock) {
        this.redis = redis;
        this.props = props;
        this.clock = clock;
    }

    /** @return true while this refusal is still to be recorded; false once the person is throttled */
    public boolean spend(Technician who, String verificationId) {
        Long answer = redis.execute(SPEND, List.of("hv:chat:refused:" + verificationId + ":" + who.key()),
                Long.toString(clock.millis()), Long.toString(props.refusedClickWindow().toMillis()),
                Integer.toString(props.maxRefusedClicks()), UUID.randomUUID().toString());
        return answer != null && answer == 1L;
    }
}
