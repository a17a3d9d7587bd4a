package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.BackgroundSyncs;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.ExternalResult;
import io.helpdeskverify.directory.ExternalUser;
import io.helpdeskverify.directory.SyncReport;
import io.helpdeskverify.directory.SyncReport.Mode;
import io.helpdeskverify.directory.SyncReport.Rejected;
import io.helpdeskverify.directory.SyncReport.State;
import io.helpdeskverify.directory.graph.SyncStateStore.Cursor;
import io.helpdeskverify.directory.graph.SyncStateStore.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one customer, page by page. After every page the report and the next link are
 * saved together, so if this instance dies the next holder of the lock continues from there
 * instead of starting over. Stops writing as soon as its lease is lost.
 */
class SyncJob implements BackgroundSyncs.Job {

    private static final Logger log = LoggerFactory.getLogger(SyncJob.class);
    /** A failed sync without a Retry-After waits this long (at most the sync interval) before the schedule retries it. */
    private static final Duration FAILURE_BACKOFF = Duration.ofMinutes(5);

    private final Customer customer;
    private final String tenant;
    private final SyncLock.Lease lease;
    private final GraphUsers graph;
    private final ExternalDirectory directory;
    private final SyncStateStore state;
    private final Duration interval;
    private final Clock clock;

    private Progress progress;
    private SyncReport report;

    SyncJob(Customer customer, SyncLock.Lease lease, GraphUsers graph, ExternalDirectory directory,
            SyncStateStore state, Duration interval, Clock clock, String requestedBy) {
        this.customer = customer;
        this.tenant = customer.microsoftTenantId().orElseThrow();
        this.lease = lease;
        this.graph = graph;
        this.directory = directory;
        this.state = state;
        this.interval = interval;
        this.clock = clock;
        var saved = state.progress(customer.slug()).filter(p -> p.tenant().equals(tenant));
        if (saved.isPresent()) {
            // Resuming an interrupted or failed sync: keep its counters, continue at its page.
            this.progress = saved.get();
            this.report = state.report(customer.slug()).filter(r -> r.mode() == saved.get().mode())
                    .map(r -> with(r, State.RUNNING, Optional.empty(), Optional.empty()))
                    .orElse(SyncReport.started(saved.get().mode(), requestedBy, clock.instant()));
        } else {
            var mode = state.cursor(customer.slug()).filter(c -> c.tenant().equals(tenant)).isPresent()
                    ? Mode.DELTA : Mode.FULL;
            this.progress = fresh(mode);
            this.report = SyncReport.started(mode, requestedBy, clock.instant());
        }
        state.saveProgress(customer.slug(), progress, report);
    }

    @Override
    public SyncReport report() {
        return report;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (GraphFailure e) {
            fail(e.getMessage(), e.retryAfterSeconds().map(Duration::ofSeconds));
        } catch (RuntimeException e) {
            log.error("Directory sync of '{}' failed", customer.slug(), e);
            fail("internal error: " + e.getClass().getSimpleName() + " (see the log)", Optional.empty());
        } finally {
            lease.release();
        }
    }

    private void loop() {
        while (true) {
            GraphUsers.Page page;
            try {
                page = fetch();
            } catch (GraphFailure e) {
                if (!e.deltaTokenExpired() || progress.mode() != Mode.DELTA) {
                    throw e;
                }
                log.info("Directory sync of '{}': the delta token expired (410), starting a full resync",
                        customer.slug());
                state.clearCursor(customer.slug());
                progress = fresh(Mode.FULL);
                report = new SyncReport(State.RUNNING, Mode.FULL, report.requestedBy(), report.startedAt(),
                        Optional.empty(), report.added(), report.updated(), report.disabled(), report.rejected(),
                        Optional.empty());
                continue;
            }
            if (!lease.held()) {
                log.warn("Directory sync of '{}' lost its lock; another instance continues it", customer.slug());
                return;
            }
            apply(page);
            if (page.nextLink().isPresent()) {
                progress = new Progress(progress.mode(), tenant, page.nextLink(), Optional.empty());
                state.saveProgress(customer.slug(), progress, report);
                continue;
            }
            finish(page);
            return;
        }
    }

    /** A full import is a delta round without a token; a delta sync starts at the stored deltaLink. */
    private GraphUsers.Page fetch() {
        if (progress.mode() == Mode.FULL) {
            return progress.link().map(l -> graph.deltaPage(tenant, l)).orElseGet(() -> graph.firstDeltaPage(tenant));
        }
        if (progress.link().isPresent()) {
            return graph.deltaPage(tenant, progress.link().get());
        }
        var deltaLink = state.cursor(customer.slug()).flatMap(Cursor::deltaLink);
        return deltaLink.map(l -> graph.deltaPage(tenant, l)).orElseGet(() -> graph.firstDeltaPage(tenant));
    }

    private void apply(GraphUsers.Page page) {
        int added = 0;
        int updated = 0;
        int disabled = 0;
        var rejected = new ArrayList<>(report.rejected());
        for (ExternalUser listed : page.users()) {
            var problems = new ArrayList<String>();
            var user = withGroups(listed, problems);
            problems.forEach(p -> reject(rejected, listed.label(), p));
            var result = directory.apply(customer, user);
            if (result instanceof ExternalResult.Added) {
                added++;
            } else if (result instanceof ExternalResult.Updated) {
                updated++;
            }
            for (String problem : result.problems()) {
                reject(rejected, user.label(), problem);
            }
        }
        for (String id : page.removedIds()) {
            var removal = directory.remove(customer, EndUser.Directory.GRAPH, id);
            if (removal == ExternalDirectory.Removal.DISABLED) {
                disabled++;
            } else if (removal == ExternalDirectory.Removal.SOURCE_REMOVED) {
                updated++;
            }
        }
        if (progress.mode() == Mode.FULL) {
            state.markSeen(customer.slug(), page.users().stream().map(ExternalUser::externalId).toList());
        }
        report = new SyncReport(State.RUNNING, report.mode(), report.requestedBy(), report.startedAt(), Optional.empty(),
                report.added() + added, report.updated() + updated, report.disabled() + disabled, rejected,
                Optional.empty());
    }

    /**
     * The user with their groups. The delta page does not carry them, so every user a page names (changed,
     * or all of them in a full import) is asked for: a membership change alone is seen on the next full
     * import. Throttling or an outage fails the sync as any page would (it resumes at this page); a user
     * Graph will not answer for (gone meanwhile, no permission) keeps the groups it had, reported.
     */
    private ExternalUser withGroups(ExternalUser user, List<String> problems) {
        try {
            return user.withGroups(graph.groups(tenant, user.externalId()));
        } catch (GraphFailure e) {
            if (e.status() == 0 || e.status() == 429 || e.status() >= 500) {
                throw e;
            }
            problems.add("groups not read (" + e.getMessage() + "); the ones read before are kept");
            return user;
        }
    }

    private void finish(GraphUsers.Page last) {
        Instant now = clock.instant();
        int disabled = 0;
        int updated = 0;
        if (last.deltaLink().isEmpty()) {
            throw new GraphFailure(0, "Graph ended a delta round without an @odata.deltaLink", Optional.empty());
        }
        if (progress.mode() == Mode.FULL) {
            // Whoever a complete listing no longer shows was deleted while we were not watching.
            var seen = new HashSet<>(state.seen(customer.slug()));
            for (String id : directory.linkedIds(customer, EndUser.Directory.GRAPH)) {
                if (seen.contains(id)) {
                    continue;
                }
                var removal = directory.remove(customer, EndUser.Directory.GRAPH, id);
                if (removal == ExternalDirectory.Removal.DISABLED) {
                    disabled++;
                } else if (removal == ExternalDirectory.Removal.SOURCE_REMOVED) {
                    // Still in AD: only the Microsoft 365 source went.
                    updated++;
                }
            }
            state.clearSeen(customer.slug());
            state.saveCursor(customer.slug(), new Cursor(tenant, now, last.deltaLink()));
        } else {
            var cursor = state.cursor(customer.slug()).orElse(new Cursor(tenant, now, Optional.empty()));
            state.saveCursor(customer.slug(), new Cursor(tenant, cursor.fullImportAt(), last.deltaLink()));
        }
        report = new SyncReport(State.SUCCEEDED, report.mode(), report.requestedBy(), report.startedAt(),
                Optional.of(now), report.added(), report.updated() + updated, report.disabled() + disabled,
                report.rejected(), Optional.empty());
        state.clearProgress(customer.slug());
        state.saveReport(customer.slug(), report);
        log.info("Directory sync of '{}' ({}) done: {} added, {} updated, {} disabled, {} rejected", customer.slug(),
                report.mode(), report.added(), report.updated(), report.disabled(), report.rejected().size());
    }

    private void fail(String error, Optional<Duration> retryAfter) {
        if (!lease.held()) {
            return;
        }
        Instant now = clock.instant();
        Duration wait = retryAfter.orElse(FAILURE_BACKOFF.compareTo(interval) < 0 ? FAILURE_BACKOFF : interval);
        progress = new Progress(progress.mode(), tenant, progress.link(), Optional.of(now.plus(wait)));
        report = with(report, State.FAILED, Optional.of(now), Optional.of(error));
        state.saveProgress(customer.slug(), progress, report);
        log.warn("Directory sync of '{}' failed, will resume from the page it reached: {}", customer.slug(), error);
    }

    private Progress fresh(Mode mode) {
        if (mode == Mode.FULL) {
            state.clearSeen(customer.slug());
        }
        return new Progress(mode, tenant, Optional.empty(), Optional.empty());
    }

    private static void reject(List<Rejected> rejected, String user, String reason) {
        if (rejected.size() < SyncReport.MAX_REJECTED) {
            rejected.add(new Rejected(user, reason));
        }
    }

    private static SyncReport with(SyncReport r, State state, Optional<Instant> finishedAt, Optional<String> error) {
        return new SyncReport(state, r.mode(), r.requestedBy(), r.startedAt(), finishedAt, r.added(), r.updated(),
                r.disabled(), r.rejected(), error);
    }
}
