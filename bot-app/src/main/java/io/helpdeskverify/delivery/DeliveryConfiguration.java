package io.helpdeskverify.delivery;

import io.helpdeskverify.shared.WorkerPools;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** Provider calls block on the network; they never run on a request thread. */
    @Bean(name = "deliveryExecutor", destroyMethod = "shutdown")
    Executor deliveryExecutor() {
        return WorkerPools.bounded("delivery-");
    }

    @Bean
    RetryTimer deliveryRetryTimer() {
        return new RetryTimer();
    }

    @Bean
    Senders senders(List<ChannelSetup> setups, ObjectProvider<StandInSenders> standIns) {
        return new Senders(setups, Optional.ofNullable(standIns.getIfAvailable()).map(s -> s::sender));
    }
}
