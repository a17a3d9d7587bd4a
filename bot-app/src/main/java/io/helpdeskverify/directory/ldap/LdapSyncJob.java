package io.helpdeskverify.directory.ldap;

import io.helpdeskverify.directory.BackgroundSyncs;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.ExternalResult;
import io.helpdeskverify.directory.ExternalUser;
import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.directory.LdapSyncState;
import io.helpdeskverify.directory.SyncLease;
import io.helpdeskverify.directory.LdapSyncState.Cursor;
import io.helpdeskverify.directory.SyncReport;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one customer's Active Directory, full or incremental as {@link AdReader} decides from
 * the cursor kept in Redis. Only a complete full pass disables the
 * users it did not see: a failed or interrupted sync disables nobody, and keeps the cursor where it
 * was, so the next run reads the same changes again (applying a change twice changes nothing).
 */
class LdapSyncJob implements BackgroundSyncs.Job {

    private static final Logger log = LoggerFactory.getLogger(LdapSyncJob.class);

    private final Customer customer;
    private final LdapSource source;
    private final SyncLease lease;
    private final AdReader reader;
    private final ExternalDirectory directory;
    private final LdapSyncState state;
    private final Duration fullInterval;
    private final Clock clock;

    private SyncReport report;
    private final Optional<Cursor> cursor;

    LdapSyncJob(Customer customer, LdapSource source, SyncLease lease, AdReader reader,
                ExternalDirectory directory, LdapSyncState state, Duration fullInterval, Clock clock,
                String requestedBy) {
        this.customer = customer;
        this.source = source;
        this.lease = lease;
        this.reader = reader;
        this.directory = directory;
        this.state = state;
        this.fullInterval = fullInterval;
        this.clock = clock;
        this.cursor = state.cursor(customer.slug());
        // The mode is settled once the controller is known; until then it is what the cursor suggests.
        this.report = SyncReport.started(cursor.isPresent() ? Mode.DELTA : Mode.FULL, requestedBy, clock.instant());
        state.saveReport(customer.slug(), report);
    }

    @Override
    public SyncReport report() {
        return report;
    }

    @Override
    public void run() {
        try (var session = reader.open(source)) {
            Mode mode = session.mode(cursor, fullInterval, clock.instant(), customer.slug());
            report = new SyncReport(State.RUNNING, mode, report.requestedBy(), report.startedAt(), Optional.empty(),
                    0, 0, 0, List.of(), Optional.empty());
            if (mode == Mode.FULL) {
                state.clearSeen(customer.slug());
            }
            session.read(mode, cursor, page -> {
                if (!lease.held()) {
                    throw new LeaseLost();
                }
                apply(page, mode);
            });
            if (!lease.held()) {
                throw new LeaseLost();
            }
            finish(mode, session);
        } catch (LeaseLost e) {
            log.warn("Active Directory sync of '{}' lost its lock; another instance takes over", customer.slug());
        } catch (LdapFailure e) {
            fail(e.describe());
        } catch (IllegalArgumentException e) {
            fail("Active Directory: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("Active Directory sync of '{}' failed", customer.slug(), e);
            fail("Active Directory: internal error: " + e.getClass().getSimpleName() + " (see the log)");
        } finally {
            lease.release();
        }
    }

    private void apply(AdReader.Page page, Mode mode) {
        int added = 0;
        int updated = 0;
        var rejected = new ArrayList<>(report.rejected());
        for (var u : page.unreadable()) {
            reject(rejected, u.dn(), u.reason());
        }
        for (ExternalUser user : page.users()) {
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
        if (mode == Mode.FULL) {
            state.markSeen(customer.slug(), page.users().stream().map(ExternalUser::externalId).toList());
        }
        report = new SyncReport(State.RUNNING, report.mode(), report.requestedBy(), report.startedAt(), Optional.empty(),
                report.added() + added, report.updated() + updated, report.disabled(), rejected, Optional.empty());
        state.saveReport(customer.slug(), report);
    }

    private void finish(Mode mode, AdReader.Session session) {
        Instant now = clock.instant();
        int disabled = 0;
        int updated = 0;
        if (mode == Mode.FULL) {
            Set<String> seen = new HashSet<>(state.seen(customer.slug()));
            for (String id : directory.linkedIds(customer, EndUser.Directory.AD_ONPREM)) {
                if (seen.contains(id)) {
                    continue;
                }
                var removal = directory.remove(customer, EndUser.Directory.AD_ONPREM, id);
                if (removal == ExternalDirectory.Removal.DISABLED) {
                    disabled++;
                } else if (removal == ExternalDirectory.Removal.SOURCE_REMOVED) {
                    // Still in Microsoft 365: only the AD source went.
                    updated++;
                }
            }
            state.clearSeen(customer.slug());
        }
        state.saveCursor(customer.slug(), session.next(mode, cursor, now));
        report = new SyncReport(State.SUCCEEDED, mode, report.requestedBy(), report.startedAt(), Optional.of(now),
                report.added(), report.updated() + updated, report.disabled() + disabled, report.rejected(),
                Optional.empty());
        state.saveReport(customer.slug(), report);
        log.info("Active Directory sync of '{}' ({}) done: {} added, {} updated, {} disabled, {} rejected",
                customer.slug(), mode, report.added(), report.updated(), report.disabled(), report.rejected().size());
    }

    private void fail(String error) {
        if (!lease.held()) {
            return;
        }
        report = new SyncReport(State.FAILED, report.mode(), report.requestedBy(), report.startedAt(),
                Optional.of(clock.instant()), report.added(), report.updated(), report.disabled(), report.rejected(),
                Optional.of(error));
        state.saveReport(customer.slug(), report);
        log.warn("Active Directory sync of '{}' failed, nobody disabled, retried later: {}", customer.slug(), error);
    }

    private static void reject(List<Rejected> rejected, String user, String reason) {
        if (rejected.size() < SyncReport.MAX_REJECTED) {
            rejected.add(new Rejected(user, reason));
        }
    }

    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
