package io.helpdeskverify.delivery;

import io.helpdeskverify.delivery.outbox.OutboxSenders;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** Provider calls block on the network; they never run on a request thread. */
    @Bean(name = "deliveryExecutor", destroyMethod = "shutdown")
    Executor deliveryExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("delivery-");
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

    @Bean
    RetryTimer deliveryRetryTimer() {
        return new RetryTimer();
    }

    @Bean
    Senders senders(List<ChannelSetup> setups, ObjectProvider<OutboxSenders> outbox) {
        return new Senders(setups, Optional.ofNullable(outbox.getIfAvailable()).map(o -> o::sender));
    }
}
