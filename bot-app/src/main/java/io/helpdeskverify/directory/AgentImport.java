package io.helpdeskverify.directory;

import io.helpdeskverify.directory.AgentState.Snapshot;
import io.helpdeskverify.directory.AgentState.SnapshotStep;
import io.helpdeskverify.directory.SyncReport.Mode;
import io.helpdeskverify.directory.SyncReport.Rejected;
import io.helpdeskverify.directory.SyncReport.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies what a customer's directory agent pushes, through the same merge as the bot's own
 * Active Directory sync ({@link ExternalDirectory}: the same users, events and card warnings).
 * A retried batch (same id) is answered with its first report and changes nothing. Deleted accounts
 * are disabled only by the last page of a full snapshot whose every page arrived in order: a
 * snapshot that broke off, or any batch of changes, disables nobody.
 */
public class AgentImport {

    public static final int MAX_USERS = 1000;
    public static final String REQUESTED_BY = "directory agent";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Far longer than a page of 1,000 users takes; a push that outlives it may overlap the next. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final DirectoryService directory;
    private final ExternalDirectory external;
    private final AgentState state;
    private final Clock clock;

    public AgentImport(DirectoryService directory, ExternalDirectory external, AgentState state, Clock clock) {
        this.directory = directory;
        this.external = external;
        this.state = state;
        this.clock = clock;
    }

    /** What a push did. */
    public sealed interface Outcome permits Outcome.Applied, Outcome.OutOfOrder, Outcome.Busy {

        /** @param replayed the batch had been applied before: this is that report, nothing changed now */
        record Applied(SyncReport report, boolean replayed) implements Outcome {}

        /** A snapshot page that does not follow the last one: the agent starts its snapshot again. */
        record OutOfOrder(String detail) implements Outcome {}

        /** Another push of this customer is being applied; retry shortly. */
        record Busy() implements Outcome {}
    }

    /**
     * @throws DirectoryException.NotFound for an unknown customer
     * @throws DirectoryException.Invalid naming the field of a malformed batch
     */
    public Outcome push(String customerSlug, AgentBatch batch) {
        Customer customer = directory.customer(customerSlug);
        validate(batch);
        String slug = customer.slug();
        var done = state.batch(slug, batch.batchId());
        if (done.isPresent()) {
            return new Outcome.Applied(done.get(), true);
        }
        var lease = state.tryLease(slug, LEASE);
        if (lease.isEmpty()) {
            return new Outcome.Busy();
        }
        try {
            // Read again under the lease: the same batch may have been applied by a push that just ended.
            done = state.batch(slug, batch.batchId());
            if (done.isPresent()) {
                return new Outcome.Applied(done.get(), true);
            }
            return batch.full() ? snapshotPage(customer, batch) : changes(customer, batch);
        } finally {
            lease.get().release();
        }
    }

    private Outcome changes(Customer customer, AgentBatch batch) {
        Instant started = clock.instant();
        var counts = apply(customer, batch);
        var report = counts.report(Mode.DELTA, started, clock.instant(), 0);
        state.finishBatch(customer.slug(), batch.batchId(), report, new SnapshotStep.Unchanged(),
                status(customer.slug(), batch, report));
        return new Outcome.Applied(report, false);
    }

    /**
     * The agent's status after this batch: the batches of one pass add up (a pass of several pages is
     * reported as one, like the bot's own syncs), a batch of another pass starts a new one.
     */
    private AgentState.Status status(String slug, AgentBatch batch, SyncReport report) {
        var before = state.status(slug);
        String pass = batch.pass().orElse(batch.batchId());
        var lastSnapshot = batch.full() && batch.complete() ? report.finishedAt()
                : before.flatMap(AgentState.Status::lastSnapshotAt);
        var same = before.filter(b -> b.pass().equals(pass)).map(AgentState.Status::lastPass);
        if (same.isEmpty()) {
            return new AgentState.Status(pass, report, lastSnapshot);
        }
        var p = same.get();
        var rejected = new ArrayList<>(p.rejected());
        for (var r : report.rejected()) {
            if (rejected.size() < SyncReport.MAX_REJECTED) {
                rejected.add(r);
            }
        }
        return new AgentState.Status(pass, new SyncReport(State.SUCCEEDED, report.mode(), REQUESTED_BY, p.startedAt(),
                report.finishedAt(), p.added() + report.added(), p.updated() + report.updated(),
                p.disabled() + report.disabled(), rejected, Optional.empty()), lastSnapshot);
    }

    private Outcome snapshotPage(Customer customer, AgentBatch batch) {
        String slug = customer.slug();
        String id = batch.snapshotId().orElseThrow();
        if (batch.page() == 0) {
            state.startSnapshot(slug, id);
        } else {
            var current = state.snapshot(slug);
            if (current.isEmpty() || !current.get().id().equals(id) || current.get().nextPage() != batch.page()) {
                return new Outcome.OutOfOrder("Page " + batch.page() + " of snapshot '" + id + "' does not follow "
                        + current.map(s -> "page " + (s.nextPage() - 1) + " of snapshot '" + s.id() + "'")
                                .orElse("any page the bot has")
                        + ": nobody was disabled. Start the snapshot again from page 0.");
            }
        }
        Instant started = clock.instant();
        var counts = apply(customer, batch);
        state.markSeen(slug, counts.seen);
        int disabled = 0;
        if (batch.complete()) {
            Set<String> seen = new HashSet<>(state.seen(slug));
            for (String guid : external.linkedIds(customer, EndUser.Directory.AD_ONPREM)) {
                if (seen.contains(guid)) {
                    continue;
                }
                var removal = external.remove(customer, EndUser.Directory.AD_ONPREM, guid);
                if (removal == ExternalDirectory.Removal.DISABLED) {
                    disabled++;
                } else if (removal == ExternalDirectory.Removal.SOURCE_REMOVED) {
                    // Still in Microsoft 365: only the AD source went.
                    counts.updated++;
                }
            }
        }
        var report = counts.report(Mode.FULL, started, clock.instant(), disabled);
        state.finishBatch(slug, batch.batchId(), report, batch.complete() ? new SnapshotStep.Ended()
                : new SnapshotStep.Next(new Snapshot(id, batch.page() + 1)), status(slug, batch, report));
        return new Outcome.Applied(report, false);
    }

    private Counts apply(Customer customer, AgentBatch batch) {
        var counts = new Counts();
        for (var entry : batch.unmapped()) {
            counts.reject(cut(entry.entry(), 200), "not sent by the agent: " + cut(entry.reason(), 200));
        }
        for (var user : batch.users()) {
            String guid = user.objectGuid().strip().toLowerCase(java.util.Locale.ROOT);
            if (!GUID.matcher(guid).matches()) {
                counts.reject(user.userPrincipalName().or(user::samAccountName).orElse("(no name)"),
                        "objectGuid '" + cut(user.objectGuid()) + "' is not a GUID (e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301)");
                continue;
            }
            counts.seen.add(guid);
            var ext = user.toExternalUser();
            var result = external.apply(customer, ext);
            if (result instanceof ExternalResult.Added) {
                counts.added++;
            } else if (result instanceof ExternalResult.Updated) {
                counts.updated++;
            }
            for (String problem : result.problems()) {
                counts.reject(ext.label(), problem);
            }
        }
        return counts;
    }

    private static void validate(AgentBatch batch) {
        if (!ID.matcher(batch.batchId()).matches()) {
            throw new DirectoryException.Invalid("batchId", "batchId must be 1 to 100 letters, digits or . _ : - "
                    + "(a UUID does), the same on every retry of the batch.");
        }
        if (batch.users().size() > MAX_USERS) {
            throw new DirectoryException.Invalid("users", "At most " + MAX_USERS + " users per batch; send the rest "
                    + "in further batches.");
        }
        if (batch.unmapped().size() > MAX_USERS) {
            throw new DirectoryException.Invalid("unmapped", "At most " + MAX_USERS + " unmapped entries per batch.");
        }
        if (batch.passId().isPresent() && !ID.matcher(batch.passId().get()).matches()) {
            throw new DirectoryException.Invalid("passId", "passId must be 1 to 100 letters, digits or . _ : -, "
                    + "the same on each batch of one pass.");
        }
        if (batch.full()) {
            if (batch.snapshotId().isEmpty() || !ID.matcher(batch.snapshotId().get()).matches()) {
                throw new DirectoryException.Invalid("snapshotId", "A full batch names its snapshot: snapshotId, 1 to "
                        + "100 letters, digits or . _ : -, the same on each of its pages.");
            }
            if (batch.page() < 0) {
                throw new DirectoryException.Invalid("page", "page counts a snapshot's pages from 0.");
            }
        } else if (batch.complete() || batch.snapshotId().isPresent()) {
            throw new DirectoryException.Invalid("full", "snapshotId and complete belong to a full snapshot "
                    + "(\"full\": true); a batch of changes has neither.");
        }
    }

    private static String cut(String s) {
        return cut(s, 40);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static final class Counts {
        int added;
        int updated;
        final List<Rejected> rejected = new ArrayList<>();
        final List<String> seen = new ArrayList<>();

        void reject(String user, String reason) {
            if (rejected.size() < SyncReport.MAX_REJECTED) {
                rejected.add(new Rejected(user, reason));
            }
        }

        SyncReport report(Mode mode, Instant started, Instant finished, int disabled) {
            return new SyncReport(State.SUCCEEDED, mode, REQUESTED_BY, started, Optional.of(finished), added, updated,
                    disabled, rejected, Optional.empty());
        }
    }
}
