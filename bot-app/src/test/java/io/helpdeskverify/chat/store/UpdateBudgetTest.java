package io.helpdeskverify.chat.store;

import io.helpdeskverify.chat.core.UpdateLimits;
import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.chat.store.UpdateBudget.Granted;
import io.helpdeskverify.chat.store.UpdateBudget.Priority;
import io.helpdeskverify.chat.store.UpdateBudget.Spend;
import io.helpdeskverify.chat.store.UpdateBudget.Wait;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared budget in Redis: ticks stop at their share, state changes use the rest, 429 pauses
 * everything, and a slot counts from the platform's answer rather than from the grant.
 */
/* A real Redis, no Spring context: this tests one store. */
@ExtendWith(RedisConnection.class)
class UpdateBudgetTest {

    private static final UpdateLimits TEN_PER_MINUTE =
            new UpdateLimits(List.of(new UpdateLimits.Window(10, Duration.ofMinutes(1))), 0.5);

    final StringRedisTemplate redis;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    UpdateBudgetTest(StringRedisTemplate redis) {
        this.redis = redis;
    }

    UpdateBudget budget() {
        return new UpdateBudget(redis, clock);
    }

    @Test
    void ticksUseOnlyTheirShareSoStateChangesAlwaysFindRoom() {
        var budget = budget();
        String scope = Fixtures.unique("scope");
        int ticks = 0;
        for (Spend s = budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.TICK); s instanceof Granted g;
                s = budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.TICK)) {
            budget.sent(g);
            ticks++;
        }
        assertThat(ticks).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            Spend s = budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.STATE);
            assertThat(s).as("state change " + i).isInstanceOf(Granted.class);
            budget.sent((Granted) s);
        }
        clock.advance(Duration.ofSeconds(5));
        Spend wait = budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.STATE);
        assertThat(wait).isInstanceOf(Wait.class);
        assertThat(((Wait) wait).duration()).isEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void severalWindowsAllHoldAsForTeams() {
        var budget = budget();
        String scope = Fixtures.unique("conversation");
        var teams = new UpdateLimits(List.of(new UpdateLimits.Window(7, Duration.ofSeconds(1)),
                new UpdateLimits.Window(60, Duration.ofSeconds(30))), 0.5);
        int granted = 0;
        for (int second = 0; second < 10; second++) {
            for (Spend s = budget.tryAcquire(scope, teams, Priority.STATE); s instanceof Granted g;
                    s = budget.tryAcquire(scope, teams, Priority.STATE)) {
                budget.sent(g);
                granted++;
            }
            assertThat(granted).as("after second " + second).isEqualTo(Math.min(60, 7 * (second + 1)));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void aSlotStillInFlightIsNotFreedByTheWindowPassing() {
        var budget = budget();
        String scope = Fixtures.unique("slow");
        var onePerSecond = new UpdateLimits(List.of(new UpdateLimits.Window(1, Duration.ofSeconds(1))), 1);
        Granted first = (Granted) budget.tryAcquire(scope, onePerSecond, Priority.STATE);

        // The request is slow to reach the platform: a second after the grant it may only now arrive.
        clock.advance(Duration.ofSeconds(3));
        Spend meanwhile = budget.tryAcquire(scope, onePerSecond, Priority.STATE);
        assertThat(meanwhile).as("the window counts the send from its answer").isInstanceOf(Wait.class);
        assertThat(((Wait) meanwhile).duration()).as("asked again soon, not after a whole window")
                .isLessThan(Duration.ofSeconds(1));

        budget.sent(first);
        assertThat(budget.tryAcquire(scope, onePerSecond, Priority.STATE)).isInstanceOf(Wait.class);
        clock.advance(Duration.ofMillis(999));
        assertThat(budget.tryAcquire(scope, onePerSecond, Priority.STATE)).isInstanceOf(Wait.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(budget.tryAcquire(scope, onePerSecond, Priority.STATE)).isInstanceOf(Granted.class);
    }

    @Test
    void parallelGrantsNeverExceedTheWindowEvenWhenAnsweredLate() {
        var budget = budget();
        String scope = Fixtures.unique("parallel");
        var sevenPerSecond = new UpdateLimits(List.of(new UpdateLimits.Window(7, Duration.ofSeconds(1))), 1);
        var inFlight = new ArrayList<Granted>();
        for (Spend s = budget.tryAcquire(scope, sevenPerSecond, Priority.STATE); s instanceof Granted g;
                s = budget.tryAcquire(scope, sevenPerSecond, Priority.STATE)) {
            inFlight.add(g);
        }
        assertThat(inFlight).hasSize(7);
        clock.advance(Duration.ofMillis(1500));
        inFlight.forEach(budget::sent);
        clock.advance(Duration.ofMillis(999));
        assertThat(budget.tryAcquire(scope, sevenPerSecond, Priority.STATE)).isInstanceOf(Wait.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(budget.tryAcquire(scope, sevenPerSecond, Priority.STATE)).isInstanceOf(Granted.class);
    }

    @Test
    void aRetryAfterPausesTheScopeForEveryone() {
        var budget = budget();
        String scope = Fixtures.unique("paused");
        budget.block(scope, Duration.ofSeconds(5));
        Spend wait = budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.STATE);
        assertThat(wait).isInstanceOf(Wait.class);
        assertThat(((Wait) wait).duration()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(budget.tryAcquire(Fixtures.unique("other"), TEN_PER_MINUTE, Priority.STATE)).isInstanceOf(Granted.class);
    }
}
