package io.helpdeskverify.chat;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    /**
     * Everything slow a chat request leads to (directory lookups, starting, posting cards, private
     * answers) runs here, after the platform got its acknowledgement.
     */
    @Bean(name = "chatExecutor", destroyMethod = "shutdown")
    Executor chatExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("chat-");
        // Core = max: a ThreadPoolExecutor adds threads beyond the core only once its queue is full,
        // so with a deep queue the old core of 8 was the real limit on blocking platform calls.
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
