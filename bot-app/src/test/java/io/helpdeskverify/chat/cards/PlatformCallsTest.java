package io.helpdeskverify.chat.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.RetryableCallException;
import io.helpdeskverify.chat.core.UpdateLimits;
import io.helpdeskverify.chat.store.UpdateBudget;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.RedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The one budget-and-retry loop both adapters' sends go through, on a real Redis budget. */
@ExtendWith(RedisConnection.class)
class PlatformCallsTest {

    private static final UpdateLimits THREE_PER_MINUTE =
            new UpdateLimits(List.of(new UpdateLimits.Window(3, Duration.ofMinutes(1))), 0.5);
    private static final Optional<Duration> SOON = Optional.of(Duration.ofMillis(10));

    final UpdateBudget budget;
    final PlatformCalls calls;

    PlatformCallsTest(StringRedisTemplate redis) {
        this.budget = new UpdateBudget(redis, Clock.systemUTC());
        this.calls = new PlatformCalls(budget);
    }

    @Test
    void aRetryableFailureIsTriedAgainAndEachAttemptSpendsASlot() {
        String scope = Fixtures.unique("scope");
        var attempts = new AtomicInteger();

        String answer = calls.call(scope, THREE_PER_MINUTE, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RetryableCallException("HTTP 502", "try later", false, SOON, null);
            }
            return "posted";
        });

        assertThat(answer).isEqualTo("posted");
        assertThat(attempts).hasValue(3);
        assertThat(budget.tryAcquire(scope, THREE_PER_MINUTE, UpdateBudget.Priority.STATE))
                .as("three attempts used the three slots of the minute").isInstanceOf(UpdateBudget.Wait.class);
    }

    @Test
    void aThrottledAnswerPausesTheScopeForEveryoneForTheAnnouncedWait() {
        String scope = Fixtures.unique("scope");
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> calls.call(scope, THREE_PER_MINUTE, () -> {
            attempts.incrementAndGet();
            throw new RetryableCallException("HTTP 429", "busy", true, Optional.of(Duration.ofMinutes(5)), null);
        })).isInstanceOf(RetryableCallException.class).hasMessage("HTTP 429");

        assertThat(attempts).as("a wait beyond the caller's patience is not waited out").hasValue(1);
        assertThat(budget.tryAcquire(Fixtures.unique("other"), THREE_PER_MINUTE, UpdateBudget.Priority.STATE))
                .isInstanceOf(UpdateBudget.Granted.class);
        assertThat(budget.tryAcquire(scope, THREE_PER_MINUTE, UpdateBudget.Priority.STATE))
                .as("the throttled scope is blocked").isInstanceOf(UpdateBudget.Wait.class);
    }

    @Test
    void afterTheLastAttemptTheFailureReachesTheCallerWithItsAdvice() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> calls.call(Fixtures.unique("scope"), () -> {
            attempts.incrementAndGet();
            throw new RetryableCallException("HTTP 503", "Slack is not answering right now", false, SOON, null);
        })).isInstanceOfSatisfying(ChatPlatformException.class,
                e -> assertThat(e.advice()).isEqualTo("Slack is not answering right now"));

        assertThat(attempts).hasValue(PlatformCalls.ATTEMPTS);
    }

    @Test
    void aFailureThatCannotGetBetterIsNotTriedAgain() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> calls.call(Fixtures.unique("scope"), () -> {
            attempts.incrementAndGet();
            throw new ChatPlatformException("not_in_channel", "Invite the app to this channel");
        })).hasMessage("not_in_channel");

        assertThat(attempts).hasValue(1);
    }

    @Test
    void aFullBudgetFailsWithAdviceInsteadOfWaitingForever() {
        String scope = Fixtures.unique("scope");
        for (int i = 0; i < 3; i++) {
            budget.sent((UpdateBudget.Granted) budget.tryAcquire(scope, THREE_PER_MINUTE, UpdateBudget.Priority.STATE));
        }

        assertThatThrownBy(() -> calls.call(scope, THREE_PER_MINUTE, () -> "never"))
                .isInstanceOfSatisfying(ChatPlatformException.class,
                        e -> assertThat(e.advice()).contains("try again in a minute"));
    }
}
