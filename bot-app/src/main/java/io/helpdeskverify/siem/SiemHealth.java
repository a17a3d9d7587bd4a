package io.helpdeskverify.siem;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health} component "siem": per destination, whether it is delivering, how many
 * events it gave up on, and since when it fails. A destination failing longer than
 * {@code helpdesk.siem.dead-after} makes it {@code DEGRADED}, never DOWN: verifications do not depend
 * on the SIEM, so neither readiness nor the overall HTTP code (200) may take the bot out of service.
 */
class SiemHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "A SIEM destination has been failing; events wait for it");

    private final Webhooks webhooks;
    private final SiemProperties props;
    private final Clock clock;

    SiemHealth(Webhooks webhooks, SiemProperties props, Clock clock) {
        this.webhooks = webhooks;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public Health health() {
        try {
            return destinations();
        } catch (RuntimeException e) {
            // Redis away: its own component says so; this one cannot tell, which is not an outage of its own.
            return Health.unknown().withDetail("problem", "delivery state unreadable (" + e.getClass().getSimpleName()
                    + ")").build();
        }
    }

    private Health destinations() {
        var details = new LinkedHashMap<String, Object>();
        boolean anyDead = false;
        for (Webhooks.Status s : webhooks.all()) {
            var d = new LinkedHashMap<String, Object>();
            var delivery = s.delivery();
            boolean dead = delivery.failingSince()
                    .map(since -> Duration.between(since, clock.instant()).compareTo(props.deadAfter()) >= 0)
                    .orElse(false);
            d.put("state", dead ? "dead" : delivery.failingSince().isPresent() ? "retrying" : "delivering");
            delivery.failingSince().ifPresent(since -> {
                d.put("failingSince", since.toString());
                d.put("lastError", delivery.lastError());
            });
            d.put("dropped", delivery.dropped());
            anyDead |= dead;
            details.put(s.destination().id(), d);
        }
        return (anyDead ? Health.status(DEGRADED) : Health.up()).withDetails(details).build();
    }
}
