package io.helpdeskverify.events.store;

import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.shared.ServerKeys;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the audit log's stream layout here, beside the stores that use it: made in {@code system},
 * it tied {@code system} and {@code events.store} into a cycle.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    EventStreams eventStreams(Clock clock, HelpdeskProperties props, ServerKeys keys) {
        return new EventStreams(clock, Duration.ofDays(props.eventRetentionDays()), new EventChain(keys));
    }
}
