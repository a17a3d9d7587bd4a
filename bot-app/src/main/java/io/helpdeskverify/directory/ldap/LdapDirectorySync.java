package io.helpdeskverify.directory.ldap;

import io.helpdeskverify.directory.BackgroundSyncs;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.LdapSources;
import io.helpdeskverify.directory.LdapSyncState;
import io.helpdeskverify.directory.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts syncs of customers' on-premises Active Directory in the background, one per customer
 * across all instances (a Redis lease, renewed while the sync runs), like the Microsoft 365 sync.
 */
public class LdapDirectorySync implements DirectorySync {

    /** A failed sync is retried after this long (or the sync interval, if shorter). */
    private static final Duration FAILURE_BACKOFF = Duration.ofMinutes(5);

    private final LdapProperties props;
    private final DirectoryService directory;
    private final ExternalDirectory external;
    private final LdapSources sources;
    private final LdapSyncState state;
    private final LdapConnections connections;
    private final BackgroundSyncs syncs;
    private final Clock clock;

    LdapDirectorySync(LdapProperties props, DirectoryService directory, ExternalDirectory external, LdapSources sources,
                      LdapSyncState state, LdapConnections connections, BackgroundSyncs syncs, Clock clock) {
        this.props = props;
        this.directory = directory;
        this.external = external;
        this.sources = sources;
        this.state = state;
        this.connections = connections;
        this.syncs = syncs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "Active Directory";
    }

    @Override
    public Optional<Instant> lastFullPass(String customerSlug) {
        return state.cursor(directory.customer(customerSlug).slug()).map(LdapSyncState.Cursor::fullAt);
    }

    @Override
    public boolean connected(String customerSlug) {
        return sources.find(directory.customer(customerSlug).slug()).isPresent();
    }

    @Override
    public SyncStart start(String customerSlug, String requestedBy) {
        Customer customer = directory.customer(customerSlug);
        var source = sources.find(customer.slug());
        if (source.isEmpty()) {
            return new SyncStart.Refused("Customer '" + customer.slug() + "' has no Active Directory connection. "
                    + "Set one with PUT /api/v1/customers/" + customer.slug() + "/directory/ldap.");
        }
        var lease = state.tryLease(customer.slug(), props.lockLease());
        if (lease.isEmpty()) {
            return new SyncStart.AlreadyRunning(state.report(customer.slug()));
        }
        return syncs.start(lease.get(), props.lockLease(), () -> new LdapSyncJob(customer, source.get(), lease.get(),
                new AdReader(connections, new AdUsers(props.pageSize())), external, state, props.fullSyncInterval(), clock, requestedBy));
    }

    @Override
    public Optional<SyncReport> last(String customerSlug) {
        return state.report(directory.customer(customerSlug).slug());
    }

    /**
     * Due: connected, not running anywhere, and never synced, interrupted (a report still RUNNING
     * whose lease ran out), failed longer ago than the back-off, or done longer ago than the interval.
     */
    boolean due(Customer customer, Instant now) {
        if (sources.find(customer.slug()).isEmpty() || state.leased(customer.slug())) {
            return false;
        }
        var report = state.report(customer.slug());
        if (report.isEmpty() || report.get().finishedAt().isEmpty()) {
            return true;
        }
        Duration wait = report.get().state() == SyncReport.State.FAILED
                ? (FAILURE_BACKOFF.compareTo(props.syncInterval()) < 0 ? FAILURE_BACKOFF : props.syncInterval())
                : props.syncInterval();
        return !now.isBefore(report.get().finishedAt().get().plus(wait));
    }
}
