package io.helpdeskverify.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the bot keeps of a customer's directory agent, across instances: one push at a time (a
 * lease), each applied batch's report (a retried batch is answered from it, not applied again),
 * and the full snapshot under way with the object GUIDs its pages named so far.
 */
public interface AgentState {

    Optional<SyncLease> tryLease(String customer, Duration lease);

    /** The report of a batch already applied. */
    Optional<SyncReport> batch(String customer, String batchId);

    Optional<Snapshot> snapshot(String customer);

    /** Forgets any snapshot under way and starts {@code snapshotId} at page 0 with nothing seen. */
    void startSnapshot(String customer, String snapshotId);

    void markSeen(String customer, Collection<String> externalIds);

    Set<String> seen(String customer);

    /** What the agent's pushes did lately: its last pass as far as it went, and its last complete snapshot. */
    Optional<Status> status(String customer);

    /**
     * Records the batch as applied and, in the same step, moves the snapshot on (to {@code next},
     * or ends it, forgetting what it saw; a batch of changes leaves it alone) and the agent's status.
     */
    void finishBatch(String customer, String batchId, SyncReport report, SnapshotStep step, Status status);

    /**
     * @param pass the pass {@code lastPass} adds up (a snapshot id, or the agent's id of a pass of changes)
     * @param lastPass the batches of that pass together, finished at the last push
     * @param lastSnapshotAt when the last complete snapshot ended (the pass that disables deleted accounts)
     */
    record Status(String pass, SyncReport lastPass, Optional<Instant> lastSnapshotAt) {
        public Status {
            lastSnapshotAt = lastSnapshotAt == null ? Optional.empty() : lastSnapshotAt;
        }
    }

    /** The full snapshot under way: which one, and the page it expects next. */
    record Snapshot(String id, int nextPage) {}

    sealed interface SnapshotStep permits SnapshotStep.Unchanged, SnapshotStep.Next, SnapshotStep.Ended {
        record Unchanged() implements SnapshotStep {}

        record Next(Snapshot snapshot) implements SnapshotStep {}

        record Ended() implements SnapshotStep {}
    }
}
