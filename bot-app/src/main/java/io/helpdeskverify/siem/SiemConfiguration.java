package io.helpdeskverify.siem;

import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.shared.LocalMode;
import io.helpdeskverify.shared.WorkerPools;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Wires SIEM delivery: the admin's {@link Webhooks}, the drain on its own pool, health and metrics. */
@Configuration(proxyBeanMethods = false)
class SiemConfiguration {

    @Bean
    Webhooks webhooks(WebhookStore store, DeliveryStates states, EventFeed feed, SiemProperties props, Environment env,
                      SecureRandom random, Clock clock) {
        return new Webhooks(store, states, feed, new WebhookUrls(props.allowLoopback() || LocalMode.isLocal(env)),
                random, clock);
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor siemExecutor() {
        return WorkerPools.bounded("siem-");
    }

    @Bean
    WebhookDelivery webhookDelivery(WebhookStore store, DeliveryStates states, EventFeed feed, EventLog events,
                                    ObjectProvider<MeterRegistry> registry, List<DeadDestinationNotices> notices,
                                    SiemProperties props, Clock clock,
                                    @Qualifier("siemExecutor") ThreadPoolTaskExecutor siemExecutor) {
        var drainer = new WebhookDrainer(store, states, feed, events,
                new WebhookSender(props.connectTimeout(), props.requestTimeout(), clock),
                new SyslogSender(props.connectTimeout(), props.requestTimeout(), SyslogMessage.localHostname()),
                new SiemMetrics(registry.getIfAvailable(SimpleMeterRegistry::new)), notices, props, clock);
        return new WebhookDelivery(store, drainer, siemExecutor, props.enabled());
    }

    @Bean
    SiemHealth siemHealthIndicator(Webhooks webhooks, SiemProperties props, Clock clock) {
        return new SiemHealth(webhooks, props, clock);
    }
}
