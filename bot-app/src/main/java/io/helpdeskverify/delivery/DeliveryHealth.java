package io.helpdeskverify.delivery;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} (component "delivery") and {@code /actuator/info} show, per channel,
 * which sender is used or which variable is missing. Never a secret: providers describe themselves
 * by host, account SID or project id only. A channel without a sender is a configuration choice,
 * not an outage, so the status stays UP as long as at least one channel can reach users.
 */
@Component("delivery")
class DeliveryHealth implements HealthIndicator, InfoContributor {

    private final Senders senders;

    DeliveryHealth(Senders senders) {
        this.senders = senders;
    }

    @Override
    public Health health() {
        var builder = senders.available().isEmpty() ? Health.outOfService() : Health.up();
        return builder.withDetails(senders.describe()).build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("delivery", senders.describe());
    }
}
