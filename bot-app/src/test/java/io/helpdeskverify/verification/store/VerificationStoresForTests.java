package io.helpdeskverify.verification.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.events.store.EventStreams;
import io.helpdeskverify.verification.ChallengeBudget;
import io.helpdeskverify.verification.VerificationStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Test code only: the package-private Redis adapters of this package, for tests in other packages
 * that wire the real {@code VerificationService} without Spring (as {@code system.DomainConfiguration}
 * and {@link StoreConfiguration} do).
 */
public final class VerificationStoresForTests {

    private VerificationStoresForTests() {}

    /** @param json the application's mapper (as Spring Boot configures it); the store derives its compact form */
    public static VerificationStore store(StringRedisTemplate redis, ObjectMapper json, EventStreams streams,
                                          Clock clock, Duration keepFinished) {
        return new RedisVerificationStore(redis, json, streams, clock, new StoreSettings(keepFinished));
    }

    public static ChallengeBudget challengeBudget(StringRedisTemplate redis) {
        return new RedisChallengeBudget(redis);
    }
}
