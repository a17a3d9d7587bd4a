package io.helpdeskverify.directory.agent;

import io.helpdeskverify.directory.ldap.LdapFailure;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the agent's passes on one thread: the first at start, then one every interval. A pass that
 * failed is tried again sooner, a minute later and twice as long each time, never longer than the
 * interval; its cursor stayed where it was, so nothing is lost.
 */
class DirectoryAgent implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAgent.class);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    private final AgentPass pass;
    private final Duration interval;
    private final String customer;
    private volatile ScheduledExecutorService thread;
    private Duration failureWait = FIRST_RETRY;

    DirectoryAgent(AgentPass pass, Duration interval, String customer) {
        this.pass = pass;
        this.interval = interval;
        this.customer = customer;
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "directory-agent");
            t.setDaemon(false);
            return t;
        });
        thread.execute(this::runOnce);
    }

    private void runOnce() {
        Duration next = interval;
        try {
            var done = pass.run();
            log.info("Directory agent pass for '{}' ({}) done: {} users read, {} batches, {} added, {} updated, "
                    + "{} disabled, {} rejected", customer, done.mode(), done.users(), done.batches(), done.added(),
                    done.updated(), done.disabled(), done.rejected());
            failureWait = FIRST_RETRY;
        } catch (LdapFailure e) {
            next = failed(e.describe());
        } catch (BotClient.PushFailed e) {
            next = failed(e.getMessage());
        } catch (RuntimeException e) {
            log.error("Directory agent pass for '{}' failed", customer, e);
            next = failed(e.getClass().getSimpleName());
        }
        var t = thread;
        try {
            if (t != null) {
                t.schedule(this::runOnce, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // Stopping: no next pass.
        }
    }

    private Duration failed(String why) {
        Duration wait = failureWait.compareTo(interval) < 0 ? failureWait : interval;
        log.error("Directory agent pass for '{}' failed, nothing lost, next try in {}: {}", customer, wait, why);
        failureWait = failureWait.multipliedBy(2);
        return wait;
    }

    @Override
    public void stop() {
        var t = thread;
        thread = null;
        if (t != null) {
            // Interrupts a push under way: its batch is sent again, with the same cursor, on the next start.
            t.shutdownNow();
            try {
                t.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
