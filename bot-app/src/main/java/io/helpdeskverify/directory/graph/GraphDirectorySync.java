package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.BackgroundSyncs;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.SyncReport;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts syncs of customers' Microsoft 365 users in the background, one per customer across all
 * instances (a Redis lease, renewed while the sync runs).
 */
public class GraphDirectorySync implements DirectorySync {

    private final GraphProperties props;
    private final DirectoryService directory;
    private final ExternalDirectory external;
    private final GraphUsers graph;
    private final SyncLock lock;
    private final SyncStateStore state;
    private final BackgroundSyncs syncs;
    private final Clock clock;

    GraphDirectorySync(GraphProperties props, DirectoryService directory, ExternalDirectory external, GraphUsers graph,
                       SyncLock lock, SyncStateStore state, BackgroundSyncs syncs, Clock clock) {
        this.props = props;
        this.directory = directory;
        this.external = external;
        this.graph = graph;
        this.lock = lock;
        this.state = state;
        this.syncs = syncs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "Microsoft 365";
    }

    @Override
    public Optional<Instant> lastFullPass(String customerSlug) {
        return state.cursor(directory.customer(customerSlug).slug()).map(SyncStateStore.Cursor::fullImportAt);
    }

    @Override
    public boolean connected(String customerSlug) {
        return directory.customer(customerSlug).microsoftTenantId().isPresent();
    }

    @Override
    public SyncStart start(String customerSlug, String requestedBy) {
        Customer customer = directory.customer(customerSlug);
        var refusal = refusal(customer);
        if (refusal.isPresent()) {
            return new SyncStart.Refused(refusal.get());
        }
        var lease = lock.tryAcquire(customer.slug());
        if (lease.isEmpty()) {
            return new SyncStart.AlreadyRunning(state.report(customer.slug()));
        }
        return syncs.start(lease.get(), lock.lease(), () -> new SyncJob(customer, lease.get(), graph, external, state,
                props.syncInterval(), clock, requestedBy));
    }

    @Override
    public Optional<SyncReport> last(String customerSlug) {
        return state.report(directory.customer(customerSlug).slug());
    }

    /**
     * Whether the schedule should start (or resume) this customer's sync now: never synced, an
     * interrupted or failed sync whose wait is over, or the interval since the last one passed.
     */
    boolean due(Customer customer, Instant now) {
        if (refusal(customer).isPresent()) {
            return false;
        }
        var progress = state.progress(customer.slug());
        if (progress.isPresent()) {
            return progress.get().notBefore().map(nb -> !now.isBefore(nb)).orElse(true) && !lock.isHeld(customer.slug());
        }
        var report = state.report(customer.slug());
        if (report.isEmpty() || report.get().finishedAt().isEmpty()) {
            return !lock.isHeld(customer.slug());
        }
        return !now.isBefore(report.get().finishedAt().get().plus(props.syncInterval()));
    }

    private Optional<String> refusal(Customer customer) {
        if (!props.configured()) {
            return Optional.of("Microsoft 365 import is not configured on this server: set GRAPH_CLIENT_ID and "
                    + "GRAPH_CLIENT_SECRET (or GRAPH_CERTIFICATE_PATH). See docs/directory.md.");
        }
        if (customer.microsoftTenantId().isEmpty()) {
            return Optional.of("Customer '" + customer.slug() + "' is not connected to Microsoft 365. Send its admin "
                    + "the consent link from GET /api/v1/customers/" + customer.slug() + "/directory/consent-url, or set "
                    + "microsoftTenantId if the tenant has already consented.");
        }
        return Optional.empty();
    }
}
