package io.helpdeskverify.playground;

import io.helpdeskverify.system.DemoData;
import java.util.ArrayList;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Back to the first minute: every {@code hv:} key goes (verifications, events, rate-limit windows,
 * outbox, directory) and the demo customer is seeded again. Local profile only, where the Redis is
 * the playground's own unless REDIS_URL says otherwise (docs/playground.md warns about that).
 */
class PlaygroundReset {

    private final StringRedisTemplate redis;
    private final DemoData demo;
    private final PlaygroundHub hub;

    PlaygroundReset(StringRedisTemplate redis, DemoData demo, PlaygroundHub hub) {
        this.redis = redis;
        this.demo = demo;
        this.hub = hub;
    }

    void run() {
        var keys = new ArrayList<String>();
        try (var cursor = redis.scan(ScanOptions.scanOptions().match("hv:*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        for (int i = 0; i < keys.size(); i += 500) {
            redis.delete(keys.subList(i, Math.min(keys.size(), i + 500)));
        }
        demo.seed();
        hub.clear();
    }
}
