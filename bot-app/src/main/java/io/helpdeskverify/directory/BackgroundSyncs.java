package io.helpdeskverify.directory;

import io.helpdeskverify.directory.DirectorySync.SyncStart;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How a customer's sync runs once its lease is held, for every source (Microsoft 365, Active
 * Directory): the job goes to a worker, the lease is extended every third of its length until the
 * job ends, and a job that cannot start gives the lease back at once.
 */
public final class BackgroundSyncs {

    /** One sync of one customer; {@link #report()} is its report as far as it got. */
    public interface Job extends Runnable {
        SyncReport report();
    }

    private final Executor workers;
    private final ScheduledExecutorService renewals;

    public BackgroundSyncs(Executor workers, ScheduledExecutorService renewals) {
        this.workers = workers;
        this.renewals = renewals;
    }

    public SyncStart start(SyncLease lease, Duration leaseLength, Supplier<? extends Job> newJob) {
        try {
            Job job = newJob.get();
            long every = Math.max(1, leaseLength.toMillis() / 3);
            var renewal = renewals.scheduleAtFixedRate(lease::extend, every, every, TimeUnit.MILLISECONDS);
            workers.execute(() -> {
                try {
                    job.run();
                } finally {
                    renewal.cancel(false);
                }
            });
            return new SyncStart.Started(job.report());
        } catch (RejectedExecutionException e) {
            lease.release();
            return new SyncStart.Refused("This instance is shutting down; try again in a moment.");
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
    }
}
