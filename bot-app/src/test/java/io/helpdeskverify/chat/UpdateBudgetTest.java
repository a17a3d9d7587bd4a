package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.chat.UpdateBudget.Priority;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared budget in Redis: ticks stop at their share, state changes use the rest, 429 pauses everything. */
@HelpdeskTest
class UpdateBudgetTest {

    private static final UpdateBudget.Limits TEN_PER_MINUTE =
            new UpdateBudget.Limits(List.of(new UpdateBudget.Window(10, Duration.ofMinutes(1))), 0.5);

    @Autowired
    UpdateBudget budget;

    @Test
    void ticksUseOnlyTheirShareSoStateChangesAlwaysFindRoom() {
        String scope = Fixtures.unique("scope");
        int ticks = 0;
        while (budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.TICK).isEmpty()) {
            ticks++;
        }
        assertThat(ticks).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.STATE)).as("state change " + i).isEmpty();
        }
        var wait = budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.STATE);
        assertThat(wait).isPresent();
        assertThat(wait.get()).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));
    }

    @Test
    void severalWindowsAllHoldAsForTeams() {
        String scope = Fixtures.unique("conversation");
        var teams = new UpdateBudget.Limits(List.of(new UpdateBudget.Window(7, Duration.ofSeconds(1)),
                new UpdateBudget.Window(60, Duration.ofSeconds(30))), 0.5);
        int granted = 0;
        while (budget.tryAcquire(scope, teams, Priority.STATE).isEmpty()) {
            granted++;
        }
        assertThat(granted).isEqualTo(7);
    }

    @Test
    void aRetryAfterPausesTheScopeForEveryone() {
        String scope = Fixtures.unique("paused");
        budget.block(scope, Duration.ofSeconds(5));
        var wait = budget.tryAcquire(scope, TEN_PER_MINUTE, Priority.STATE);
        assertThat(wait).isPresent();
        assertThat(wait.get()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(budget.tryAcquire(Fixtures.unique("other"), TEN_PER_MINUTE, Priority.STATE)).isEmpty();
    }
}
