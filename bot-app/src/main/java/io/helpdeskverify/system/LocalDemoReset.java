package io.helpdeskverify.system;

import io.helpdeskverify.playground.DemoReset;
import java.util.ArrayList;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The playground's Reset: every {@code hv:} key goes and the demo customer is seeded again. Local
 * profile only, where the Redis is the playground's own (the playground refuses to start beside
 * REDIS_URL). Here in {@code system} because it is the one place that sees every store's keys at
 * once, as the embedded Redis does.
 */
@Component
@Profile("local")
class LocalDemoReset implements DemoReset {

    private final StringRedisTemplate redis;
    private final DemoData demo;

    LocalDemoReset(StringRedisTemplate redis, DemoData demo) {
        this.redis = redis;
        this.demo = demo;
    }

    @Override
    public void reset() {
        var keys = new ArrayList<String>();
        try (var cursor = redis.scan(ScanOptions.scanOptions().match("hv:*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        // In batches, so one DEL never carries tens of thousands of keys.
        for (int i = 0; i < keys.size(); i += 500) {
            redis.delete(keys.subList(i, Math.min(keys.size(), i + 500)));
        }
        demo.seed();
    }
}
