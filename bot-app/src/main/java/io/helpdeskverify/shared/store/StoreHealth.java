package io.helpdeskverify.shared.store;

import java.util.Properties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis's health as the stores see it: through the {@link StoreCircuit}. Boot's own indicator asks
 * the connection directly, so while Redis was away every probe waited out the 2 s command timeout;
 * with the circuit open this answers DOWN at once. It takes Boot's indicator's place (same bean
 * name, so the readiness group's {@code redis} is this one).
 */
final class StoreHealth implements HealthIndicator {

    private final StringRedisTemplate redis;
    private final StoreCircuit circuit;

    StoreHealth(StringRedisTemplate redis, StoreCircuit circuit) {
        this.redis = redis;
        this.circuit = circuit;
    }

    @Override
    public Health health() {
        if (circuit.isOpen()) {
            return Health.down().withDetail("reason", "Redis did not answer a moment ago; calls are refused "
                    + "until a probe succeeds").build();
        }
        try {
            Properties server = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("server"));
            String version = server == null ? null : server.getProperty("redis_version");
            return version == null ? Health.up().build() : Health.up().withDetail("version", version).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("reason", e.getClass().getSimpleName()).build();
        }
    }
}
