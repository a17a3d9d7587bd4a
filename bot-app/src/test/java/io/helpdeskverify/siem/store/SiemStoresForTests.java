package io.helpdeskverify.siem.store;

import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.siem.DeliveryStates;
import io.helpdeskverify.siem.EventFeed;
import io.helpdeskverify.siem.WebhookStore;
import java.security.SecureRandom;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Test code only: the package-private SIEM stores, for tests that wire delivery without Spring. */
public final class SiemStoresForTests {

    private SiemStoresForTests() {}

    public static WebhookStore webhookStore(StringRedisTemplate redis, ServerKeys keys) {
        return new RedisWebhookStore(redis, keys, new SecureRandom());
    }

    /** The same store's delivery states (one class keeps both, under each destination's hash tag). */
    public static DeliveryStates deliveryStates(WebhookStore store) {
        return (RedisWebhookStore) store;
    }

    public static EventFeed eventFeed(StringRedisTemplate redis) {
        return new RedisEventFeed(redis);
    }
}
