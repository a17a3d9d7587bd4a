package io.helpdeskverify.system;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The one recipe for the bot's background pools: bounded, named, and drained on shutdown. */
public final class WorkerPools {

    private WorkerPools() {}

    /**
     * Eight threads (a ThreadPoolExecutor grows past its core only once this deep queue is full, so
     * eight is the real limit) and a queue of ten thousand that only fills when a provider hangs.
     * More threads raise throughput (docs/performance.md) but make platform sends bunch up between
     * the budget's grant and the send; that needs the budget to account for it first.
     */
    public static ThreadPoolTaskExecutor bounded(String threadNamePrefix) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(threadNamePrefix);
        executor.setCorePoolSize(8);
        executor.setMaxPoolSize(32);
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }
}
