package io.helpdeskverify.shared.store;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Puts the {@link StoreCircuit} in front of Redis. Boot's own {@code stringRedisTemplate} steps
 * back for this one (it is only made when none exists), so every store gets the guarded template
 * without a change.
 */
@Configuration(proxyBeanMethods = false)
class StoreCircuitConfiguration {

    @Bean
    StoreCircuit storeCircuit(@Value("${helpdesk.redis-circuit.open-for:1s}") Duration openFor) {
        return new StoreCircuit(openFor);
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(RedisConnectionFactory connections, StoreCircuit circuit) {
        return new GuardedRedisTemplate(connections, circuit);
    }

    /* Named as Boot's Redis indicator, which then steps back (it is made only when no bean of this name exists). */
    @Bean("redisHealthContributor")
    HealthIndicator redisHealthContributor(StringRedisTemplate redis, StoreCircuit circuit) {
        return new StoreHealth(redis, circuit);
    }
}
