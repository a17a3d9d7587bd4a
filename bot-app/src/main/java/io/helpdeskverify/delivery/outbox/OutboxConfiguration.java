package io.helpdeskverify.delivery.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.delivery.ChallengeSender;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.verification.Channel;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The outbox senders, enabled by {@code helpdesk.outbox.enabled} (on in the local profile only):
 * nothing leaves the machine, and {@code GET /api/v1/dev/outbox} shows what would have.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "helpdesk.outbox.enabled", havingValue = "true")
class OutboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

    @Bean
    Outbox outbox(StringRedisTemplate redis, ObjectMapper json) {
        log.info("Delivery: push, SMS and email go to the local outbox (GET /api/v1/dev/outbox); nothing is sent");
        return new Outbox(redis, json);
    }

    @Bean
    ChallengeSender outboxPush(Outbox outbox, ChallengeTexts texts, Clock clock) {
        return new OutboxSender(Channel.PUSH, outbox, texts, clock);
    }

    @Bean
    ChallengeSender outboxSms(Outbox outbox, ChallengeTexts texts, Clock clock) {
        return new OutboxSender(Channel.SMS, outbox, texts, clock);
    }

    @Bean
    ChallengeSender outboxEmail(Outbox outbox, ChallengeTexts texts, Clock clock) {
        return new OutboxSender(Channel.EMAIL, outbox, texts, clock);
    }
}
