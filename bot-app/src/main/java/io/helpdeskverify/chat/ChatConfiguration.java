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
        executor.setCorePoolSize(8);
        executor.setMaxPoolSize(32);
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }
}
