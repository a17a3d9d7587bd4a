package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One directory sync of one customer, as far as it got.
 *
 * @param mode FULL (every user, then disabling those gone) or DELTA (changes since the last sync)
 * @param rejected users (or single values of users, such as a malformed mobile) that were not imported, and why
 * @param error why a FAILED sync stopped; a Microsoft 365 sync resumes from the page it reached, an Active
 *              Directory sync reads again from its last cursor
 */
public record SyncReport(
        State state,
        Mode mode,
        String requestedBy,
        Instant startedAt,
        Optional<Instant> finishedAt,
        int added,
        int updated,
        int disabled,
        List<Rejected> rejected,
        Optional<String> error) {

    /** Keeps a report of a huge tenant readable; the count of what was cut is in the last entry. */
    public static final int MAX_REJECTED = 500;

    public SyncReport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(mode, "mode");
        requestedBy = requestedBy == null ? "" : requestedBy;
        Objects.requireNonNull(startedAt, "startedAt");
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        error = error == null ? Optional.empty() : error;
    }

    public static SyncReport started(Mode mode, String requestedBy, Instant at) {
        return new SyncReport(State.RUNNING, mode, requestedBy, at, Optional.empty(), 0, 0, 0, List.of(), Optional.empty());
    }

    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    public enum Mode {
        FULL,
        DELTA
    }

    public record Rejected(String user, String reason) {}
}
