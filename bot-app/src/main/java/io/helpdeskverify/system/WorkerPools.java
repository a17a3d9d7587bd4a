package io.helpdeskverify.system;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The one recipe for the bot's background pools: bounded, named, and drained on shutdown. */
public final class WorkerPools {

    private WorkerPools() {}

    /**
     * Eight threads and a queue of ten thousand: the work is short I/O, and a queue that large only
     * fills when a provider hangs, which the callers' own timeouts bound.
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
