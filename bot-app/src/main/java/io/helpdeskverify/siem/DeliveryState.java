package io.helpdeskverify.siem;

import java.time.Instant;
import java.util.Optional;

/**
 * A destination's place in the event log, as stored: the id of the last event it acknowledged (or
 * that was skipped), and for the next one, how often it failed, since when and when to try again.
 * Only a 2xx (or giving up on an event) moves {@code cursor}, so a restart sends at most the event in
 * flight again, with the same idempotency key.
 *
 * @param failingSince when the current event first failed; empty while deliveries succeed
 * @param lastError why the last attempt failed (status or exception class, never a body)
 */
public record DeliveryState(String cursor, int attempts, Instant nextAttemptAt, Optional<Instant> failingSince,
                            String lastError, long dropped) {

    public DeliveryState {
        lastError = lastError == null ? "" : lastError;
    }

    public static DeliveryState startingAt(String cursor) {
        return new DeliveryState(cursor, 0, Instant.EPOCH, Optional.empty(), "", 0);
    }

    DeliveryState delivered(String cursor) {
        return new DeliveryState(cursor, 0, Instant.EPOCH, Optional.empty(), "", dropped);
    }

    DeliveryState skipped(String cursor) {
        return new DeliveryState(cursor, attempts, nextAttemptAt, failingSince, lastError, dropped);
    }

    DeliveryState failed(Instant now, Instant next, String why) {
        return new DeliveryState(cursor, attempts + 1, next, Optional.of(failingSince.orElse(now)), why, dropped);
    }

    DeliveryState dropped(String cursor) {
        return new DeliveryState(cursor, 0, Instant.EPOCH, Optional.empty(), lastError, dropped + 1);
    }
}
