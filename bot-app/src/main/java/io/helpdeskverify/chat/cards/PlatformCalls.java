package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.RetryableCallException;
import io.helpdeskverify.chat.core.UpdateLimits;
import io.helpdeskverify.chat.store.UpdateBudget;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one budget-and-retry loop for the calls an adapter makes outside card updates (new cards,
 * private messages, audit replies), on either platform: each attempt first spends a slot of the
 * scope's budget where the platform has one (Teams: 7 per second and 60 per 30 s per conversation),
 * a {@link RetryableCallException} is tried again after the wait the platform announced (a throttled
 * answer pauses the scope on every instance) or with back-off, and the caller gets at most
 * {@link #PATIENCE} of waiting before a {@link ChatPlatformException} with advice. Card updates go
 * through {@link CardUpdater}, which queues and coalesces instead of waiting.
 */
@Component
public class PlatformCalls {

    private static final Logger log = LoggerFactory.getLogger(PlatformCalls.class);
    static final int ATTEMPTS = 4;
    /* A call waits this long at most, for room in the budget or between attempts, then fails with advice. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final UpdateBudget budget;

    public PlatformCalls(UpdateBudget budget) {
        this.budget = budget;
    }

    /** One call in {@code scope}, each attempt spending a slot of its budget. */
    public <T> T call(String scope, UpdateLimits limits, Supplier<T> attempt) {
        return run(scope, Optional.of(limits), attempt);
    }

    /** One call in {@code scope} on a platform that keeps no budget for it (Slack posts): retries only. */
    public <T> T call(String scope, Supplier<T> attempt) {
        return run(scope, Optional.empty(), attempt);
    }

    private <T> T run(String scope, Optional<UpdateLimits> limits, Supplier<T> attempt) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int n = 1; ; n++) {
            Optional<UpdateBudget.Granted> slot = limits.map(l -> awaitSlot(scope, l, deadline));
            try {
                return attempt.get();
            } catch (RetryableCallException e) {
                Duration wait = e.retryAfter().orElse(Duration.ofMillis(500L << n));
                if (e.throttled() && limits.isPresent()) {
                    budget.block(scope, wait);
                }
                if (n >= ATTEMPTS || System.nanoTime() + wait.toNanos() > deadline) {
                    throw e;
                }
                log.info("{} in {}; trying again in {}", e.getMessage(), scope, wait);
                LockSupport.parkNanos(wait.toNanos());
            } finally {
                slot.ifPresent(budget::sent);
            }
        }
    }

    private UpdateBudget.Granted awaitSlot(String scope, UpdateLimits limits, long deadline) {
        while (true) {
            UpdateBudget.Spend spend = budget.tryAcquire(scope, limits, UpdateBudget.Priority.STATE);
            if (spend instanceof UpdateBudget.Granted granted) {
                return granted;
            }
            Duration wait = ((UpdateBudget.Wait) spend).duration();
            if (System.nanoTime() + wait.toNanos() > deadline) {
                throw new ChatPlatformException("the budget of " + scope + " stayed full",
                        "The chat platform is busy in this conversation; try again in a minute.");
            }
            LockSupport.parkNanos(wait.toNanos());
        }
    }
}
