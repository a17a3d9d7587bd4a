package io.helpdeskverify.siem;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every instance looks for work on each tick and hands each destination to the {@code siem-} pool,
 * never to a request thread: a dead receiver only ever holds this pool's threads. The lease in Redis
 * decides which instance drains a destination; here, one pass per destination at a time. Stopping
 * waits for the passes in flight to finish their current event, so a stop never leaves an
 * acknowledged event behind an unsaved cursor.
 */
public class WebhookDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final WebhookStore store;
    private final WebhookDrainer drainer;
    private final Executor pool;
    private final boolean enabled;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    WebhookDelivery(WebhookStore store, WebhookDrainer drainer, Executor pool, boolean enabled) {
        this.store = store;
        this.drainer = drainer;
        this.pool = pool;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${helpdesk.siem.poll-interval:2s}")
    public void tick() {
        if (!running) {
            return;
        }
        try {
            for (WebhookDestination d : store.all()) {
                if (inFlight.add(d.id())) {
                    submit(d);
                }
            }
        } catch (RuntimeException e) {
            // Redis away: the next tick tries again, nothing is lost (the cursors are in Redis).
            log.debug("SIEM delivery tick failed ({})", e.getClass().getSimpleName());
        }
    }

    private void submit(WebhookDestination d) {
        try {
            pool.execute(() -> {
                try {
                    drainer.drain(d, () -> running);
                } catch (RuntimeException e) {
                    log.warn("SIEM delivery to {} stopped ({})", d.id(), e.getClass().getSimpleName());
                } finally {
                    done(d.id());
                }
            });
        } catch (RejectedExecutionException e) {
            done(d.id());
        }
    }

    private synchronized void done(String id) {
        inFlight.remove(id);
        notifyAll();
    }

    @Override
    public void start() {
        running = enabled;
    }

    @Override
    public synchronized void stop() {
        running = false;
        long until = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (!inFlight.isEmpty() && System.currentTimeMillis() < until) {
            try {
                wait(Math.max(1, until - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
