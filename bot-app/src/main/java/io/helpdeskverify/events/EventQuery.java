package io.helpdeskverify.events;

import java.time.Instant;
import java.util.Optional;

/** Filters for reading the audit log; all optional, newest first, at most {@code limit} rows. */
public record EventQuery(Optional<String> customer, Optional<String> user, Optional<EventType> type,
                         Optional<Instant> since, Optional<Instant> until, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public EventQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static EventQuery latestFor(String customer, String user, int limit) {
        return new EventQuery(Optional.of(customer), Optional.of(user), Optional.empty(), Optional.empty(),
                Optional.empty(), limit);
    }
}
