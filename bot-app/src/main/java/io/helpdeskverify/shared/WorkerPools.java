package io.helpdeskverify.shared;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The one recipe for the bot's background pools: bounded, named, and drained on shutdown. */
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
