package io.helpdeskverify.delivery.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.delivery.ChallengeTexts;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The outbox, enabled by {@code helpdesk.outbox.enabled} (on in the local profile only): channels
 * without a configured provider record what they would have sent instead of sending it, and
 * {@code GET /api/v1/dev/outbox} shows it. Channels with a provider still use the provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "helpdesk.outbox.enabled", havingValue = "true")
class OutboxConfiguration {

    @Bean
    Outbox outbox(StringRedisTemplate redis, ObjectMapper json) {
        return new Outbox(redis, json);
    }

    @Bean
    OutboxSenders outboxSenders(Outbox outbox, ChallengeTexts texts, Clock clock) {
        return new OutboxSenders(outbox, texts, clock);
    }
}
