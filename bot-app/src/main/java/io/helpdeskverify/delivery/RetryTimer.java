package io.helpdeskverify.delivery;

import java.time.Instant;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Waits out delivery back-offs. Deliberately not a {@code TaskScheduler} bean: one would replace
 * Spring Boot's default scheduler, and with it the thread the expiry timer runs on.
 */
class RetryTimer implements DisposableBean {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    RetryTimer() {
        scheduler.setThreadNamePrefix("delivery-retry-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
    }

    /** Runs {@code task} at {@code at}; the task must hand real work to another executor. */
    void at(Instant at, Runnable task) {
        scheduler.schedule(task, at);
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
