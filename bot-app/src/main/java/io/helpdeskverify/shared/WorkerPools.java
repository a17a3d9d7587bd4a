package io.helpdeskverify.shared;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The recipe for the pools that run one short blocking call to a chat platform or a delivery
 * provider per task (the {@code chat-} and {@code delivery-} executors): bounded, named, and
 * drained on shutdown, so a send accepted before shutdown still goes out.
 *
 * <p>Not every executor is built here, on purpose: each of the others has a job this recipe would
 * get wrong. {@code CardUpdater}'s senders are started and stopped with its own lifecycle and fed
 * by its budgeted queue, so a deep queue of their own would hide its back-pressure; the
 * directory-sync workers run long imports two at a time with a short queue (a full queue waits
 * for the next tick) and are interrupted on shutdown rather than waited for; the sync's lease
 * renewer and the playground's page notifier are single scheduled threads.
 */
public final class WorkerPools {

    private WorkerPools() {}

    /**
     * Thirty-two threads for blocking platform and provider calls, and a queue of ten thousand that
     * only fills when a provider hangs (the callers' own timeouts bound that). Core = max because a
     * ThreadPoolExecutor adds threads beyond its core only once its queue is full: with a deep queue,
     * a smaller core would be the real limit. Idle threads time out. Platform sends may run on many
     * threads at once because the update budget counts each slot from the platform's answer.
     */
    public static ThreadPoolTaskExecutor bounded(String threadNamePrefix) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(threadNamePrefix);
        executor.setCorePoolSize(32);
        executor.setMaxPoolSize(32);
        executor.setAllowCoreThreadTimeOut(true);
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }
}
