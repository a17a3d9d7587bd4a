package io.helpdeskverify.chat;

import io.helpdeskverify.shared.WorkerPools;
import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    /**
     * Everything slow a chat request leads to (directory lookups, starting, posting cards, private
     * answers) runs here, after the platform got its acknowledgement.
     */
    @Bean(name = "chatExecutor", destroyMethod = "shutdown")
    Executor chatExecutor() {
        return WorkerPools.bounded("chat-");
    }
}
