package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.store.LegacyKeys;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Verifications in flight when an older version (one hash-tag-free key set) was replaced: moved to
 * their key shards before this instance serves anything ({@link LegacyKeys}). The ids of those
 * verifications were not drawn in their customer's shard; on one Redis that does not matter.
 */
@Component
class VerificationKeyMigration implements SmartInitializingSingleton {

    private final StringRedisTemplate redis;

    VerificationKeyMigration(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void afterSingletonsInstantiated() {
        LegacyKeys.migrate(redis, "verifications", List.of("hv:expiry", "hv:unpublished", "hv:unsent"), legacy -> {
            legacy.scan("hv:v:", VerificationKeys::verification);
            legacy.scan("hv:challenge:", VerificationKeys::challenge);
            legacy.scan("hv:awaiting:", rest -> {
                var pair = LegacyKeys.pair(rest);
                return VerificationKeys.awaiting(pair.getKey(), pair.getValue());
            });
            legacy.split("hv:expiry", VerificationKeys::expiry);
            legacy.split("hv:unpublished", VerificationKeys::unpublished);
            legacy.split("hv:unsent", VerificationKeys::unsent);
        });
    }
}
