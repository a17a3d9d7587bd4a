package io.helpdeskverify.psa.autotask;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * This instance's Autotask requests in the current clock hour. Autotask allows 10,000 per hour per
 * database across every integration; the tenant's own total is in {@code ThresholdInformation}.
 */
final class CallCounter {

    private final Clock clock;
    private Instant hour = Instant.EPOCH;
    private long count;

    CallCounter(Clock clock) {
        this.clock = clock;
    }

    synchronized void increment() {
        roll();
        count++;
    }

    synchronized long thisHour() {
        roll();
        return count;
    }

    private void roll() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (!now.equals(hour)) {
            hour = now;
            count = 0;
        }
    }
}
