package io.helpdeskverify.directory.ldap;

import io.helpdeskverify.directory.BackgroundSyncs;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.ExternalResult;
import io.helpdeskverify.directory.ExternalUser;
import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.directory.LdapSyncState;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one customer's Active Directory. Incremental by {@code uSNChanged} from the highest
 * committed USN the controller reported at the start of the previous run; a full pass instead
 * when there is no cursor, the controller (or its database, the invocation id) changed, the base
 * DNs or filter changed, or the full-pass interval is over. Only a complete full pass disables the
 * users it did not see: a failed or interrupted sync disables nobody, and keeps the cursor where it
 * was, so the next run reads the same changes again (applying a change twice changes nothing).
 */
class LdapSyncJob implements BackgroundSyncs.Job {

    private static final Logger log = LoggerFactory.getLogger(LdapSyncJob.class);

    private final Customer customer;
    private final LdapSource source;
    private final LdapSyncState.Lease lease;
    private final LdapConnections connections;
    private final AdUsers users;
    private final ExternalDirectory directory;
    private final LdapSyncState state;
    private final Duration fullInterval;
    private final Clock clock;

    private SyncReport report;
    private final Optional<Cursor> cursor;

    LdapSyncJob(Customer customer, LdapSource source, LdapSyncState.Lease lease, LdapConnections connections,
                AdUsers users, ExternalDirectory directory, LdapSyncState state, Duration fullInterval, Clock clock,
                String requestedBy) {
        this.customer = customer;
        this.source = source;
        this.lease = lease;
        this.connections = connections;
        this.users = users;
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
        try (var bound = connections.connect(source)) {
            var controller = controller(bound.connection(), bound.name());
            Mode mode = mode(controller);
            report = new SyncReport(State.RUNNING, mode, report.requestedBy(), report.startedAt(), Optional.empty(),
                    0, 0, 0, List.of(), Optional.empty());
            if (mode == Mode.FULL) {
                state.clearSeen(customer.slug());
            }
            long[] highestSeen = {0};
            Optional<Long> from = mode == Mode.DELTA ? Optional.of(cursor.orElseThrow().highestUsn() + 1) : Optional.empty();
            users.search(bound.connection(), source.baseDns(), source.effectiveFilter(), from, page -> {
                if (!lease.held()) {
                    throw new LeaseLost();
                }
                highestSeen[0] = Math.max(highestSeen[0], page.highestUsn());
                apply(page, mode);
            });
            if (!lease.held()) {
                throw new LeaseLost();
            }
            finish(mode, controller, highestSeen[0]);
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

    /** What the controller says about itself (rootDSE): which one it is, and how far its changes go. */
    record Controller(String server, String invocationId, Optional<Long> highestUsn) {}

    private static Controller controller(LDAPConnection connection, String name) {
        try {
            Entry root = connection.getEntry("", "dsServiceName", "highestCommittedUSN");
            String service = root == null ? null : root.getAttributeValue("dsServiceName");
            Optional<Long> usn = root == null ? Optional.empty()
                    : Optional.ofNullable(root.getAttributeValueAsLong("highestCommittedUSN"));
            String invocation = "";
            if (service != null) {
                Entry ntds = connection.getEntry(service, "invocationId");
                byte[] id = ntds == null ? null : ntds.getAttributeValueBytes("invocationId");
                invocation = id == null ? "" : HexFormat.of().formatHex(id);
            }
            return new Controller(service == null ? name : service, invocation, usn);
        } catch (LDAPException e) {
            // Not readable by this account: the host name stands in, and every run is a full pass.
            return new Controller(name, "", Optional.empty());
        }
    }

    private Mode mode(Controller controller) {
        if (cursor.isEmpty() || controller.highestUsn().isEmpty()) {
            return Mode.FULL;
        }
        var c = cursor.get();
        boolean sameController = c.server().equals(controller.server()) && c.invocationId().equals(controller.invocationId());
        if (!sameController) {
            log.info("Active Directory sync of '{}': the controller changed ({} → {}), full pass", customer.slug(),
                    c.server(), controller.server());
            return Mode.FULL;
        }
        if (!c.scope().equals(scope()) || !clock.instant().isBefore(c.fullAt().plus(fullInterval))) {
            return Mode.FULL;
        }
        return Mode.DELTA;
    }

    private String scope() {
        return String.join("|", source.baseDns()) + "|" + source.effectiveFilter();
    }

    private void apply(AdUsers.Page page, Mode mode) {
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

    private void finish(Mode mode, Controller controller, long highestSeen) {
        Instant now = clock.instant();
        int disabled = 0;
        if (mode == Mode.FULL) {
            Set<String> seen = new HashSet<>(state.seen(customer.slug()));
            for (var user : directory.enabledLinkedUsers(customer, Set.of(EndUser.Source.AD_ONPREM))) {
                if (!seen.contains(user.externalId().orElseThrow())
                        && directory.disable(customer, user.externalId().get())) {
                    disabled++;
                }
            }
            state.clearSeen(customer.slug());
        }
        long usn = controller.highestUsn().orElse(highestSeen);
        Instant fullAt = mode == Mode.FULL ? now : cursor.orElseThrow().fullAt();
        state.saveCursor(customer.slug(), new Cursor(controller.server(), controller.invocationId(),
                mode == Mode.DELTA ? Math.max(usn, cursor.orElseThrow().highestUsn()) : usn, fullAt, scope()));
        report = new SyncReport(State.SUCCEEDED, mode, report.requestedBy(), report.startedAt(), Optional.of(now),
                report.added(), report.updated(), report.disabled() + disabled, report.rejected(), Optional.empty());
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
