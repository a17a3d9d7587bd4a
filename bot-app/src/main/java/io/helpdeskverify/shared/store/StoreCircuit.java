package io.helpdeskverify.shared.store;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fail fast while Redis is known to be away. Without it every call waits out the command timeout
 * (2 s) during an outage, so a burst holds every Tomcat thread (and every chat and background
 * thread) for that long. The first timeout or connection failure opens the circuit: calls are then
 * refused at once with {@link StoreCircuitOpenException} for {@code openFor}; after that one call
 * is let through as a probe (the others are still refused) and its outcome closes or re-opens it.
 * Other errors (a script error, a wrong type) say nothing about reachability and count as success.
 *
 * <p>Per instance, and that is enough: it only decides how long this instance waits, never what is
 * stored.
 */
public final class StoreCircuit {

    private static final Logger log = LoggerFactory.getLogger(StoreCircuit.class);

    private final CircuitBreaker breaker;

    public StoreCircuit(Duration openFor) {
        var config = CircuitBreakerConfig.custom()
                // One call decides: a 2 s timeout already means Redis is unwell, and each further one costs a thread 2 s.
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(StoreFailures::isOutage)
                .writableStackTraceEnabled(false)
                .build();
        breaker = CircuitBreaker.of("redis", config);
        breaker.getEventPublisher().onStateTransition(e -> {
            switch (e.getStateTransition().getToState()) {
                case OPEN -> log.warn("Redis unreachable: refusing store calls at once for {} before the next probe",
                        openFor);
                case CLOSED -> log.warn("Redis reachable again: store calls go through");
                default -> { }
            }
        });
    }

    /** Runs {@code call} unless the circuit is open; its outage, or the open circuit, is thrown as a data-access failure. */
    public <T> T call(Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new StoreCircuitOpenException();
        }
    }

    /** Whether calls are refused right now without asking Redis (open, or half-open with its probe out). */
    public boolean isOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }
}
