package io.helpdeskverify.chat.core;

import java.time.Duration;
import java.util.List;

/**
 * A platform's card-update limits: the windows its API allows, and the share of each that
 * countdown ticks may use (state changes always come first). Each platform declares its own;
 * {@code chat.store.UpdateBudget} spends them in Redis for every instance.
 *
 * @param tickShare the share of each window countdown ticks may use (0 to 1)
 */
public record UpdateLimits(List<Window> windows, double tickShare) {

    public UpdateLimits {
        windows = List.copyOf(windows);
        if (windows.isEmpty() || tickShare < 0 || tickShare > 1) {
            throw new IllegalArgumentException("at least one window, and a tick share between 0 and 1");
        }
    }

    /** At most {@code max} updates in any {@code per}. */
    public record Window(int max, Duration per) {
        public Window {
            if (max < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a budget window needs max >= 1 and a positive length");
            }
        }
    }
}
