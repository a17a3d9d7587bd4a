package io.helpdeskverify.delivery.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The newest outbox messages, in Redis so every instance (and the playground) sees the same list. */
public class Outbox {

    private static final String KEY = "hv:outbox";
    private static final int KEEP = 200;
    private static final Duration TTL = Duration.ofDays(1);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    Outbox(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    void add(OutboxMessage message) {
        redis.opsForList().leftPush(KEY, OutboxSender.json(json, message));
        redis.opsForList().trim(KEY, 0, KEEP - 1);
        redis.expire(KEY, TTL);
    }

    /** Newest first. */
    public List<OutboxMessage> latest(int max) {
        var raw = redis.opsForList().range(KEY, 0, Math.min(max, KEEP) - 1L);
        var out = new ArrayList<OutboxMessage>();
        if (raw != null) {
            for (String s : raw) {
                try {
                    out.add(json.readValue(s, OutboxMessage.class));
                } catch (JsonProcessingException e) {
                    // A message from an older format: skip it, the outbox is a convenience.
                }
            }
        }
        return out;
    }
}
