package io.helpdeskverify.shared.store;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The one {@link StringRedisTemplate} every store uses, with each call going through the
 * {@link StoreCircuit}. Every operation, script and pipeline of the template ends in one of these
 * two methods, so no store needs to know the circuit is there. A call made inside another (a
 * pipeline's or session's own operations) is part of the outer one and is not counted again.
 */
public final class GuardedRedisTemplate extends StringRedisTemplate {

    private final StoreCircuit circuit;
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

    public GuardedRedisTemplate(RedisConnectionFactory connections, StoreCircuit circuit) {
        super(connections);
        this.circuit = circuit;
    }

    @Override
    public <T> T execute(RedisCallback<T> action, boolean exposeConnection, boolean pipeline) {
        return guarded(() -> super.execute(action, exposeConnection, pipeline));
    }

    @Override
    public <T> T execute(SessionCallback<T> session) {
        return guarded(() -> super.execute(session));
    }

    private <T> T guarded(java.util.function.Supplier<T> call) {
        if (inside.get()) {
            return call.get();
        }
        inside.set(true);
        try {
            return circuit.call(call);
        } finally {
            inside.remove();
        }
    }
}
