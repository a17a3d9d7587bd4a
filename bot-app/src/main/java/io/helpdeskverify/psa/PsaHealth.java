package io.helpdeskverify.psa;

import java.util.LinkedHashMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "psa": per configured PSA, whether the last test call (made
 * once a minute off the request threads, so a hanging PSA never hangs the health check) worked. Details only for authorised callers (management.endpoint.health.show-details).
 * No PSA configured is a choice, not an outage: UP with nothing to show. A PSA that fails is
 * {@code DEGRADED}, not DOWN: verifications without tickets still work, so neither readiness nor the
 * overall status's HTTP code (200) may take the bot out of a load balancer for it; the status and
 * the details say what is wrong (application.yml orders DEGRADED between DOWN and UP).
 */
@Component("psa")
class PsaHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "A PSA's test call failed; ticket verifications may fail");

    private final PsaConnections connections;

    PsaHealth(PsaConnections connections) {
        this.connections = connections;
    }

    @Override
    public Health health() {
        var details = new LinkedHashMap<String, Object>();
        boolean allOk = true;
        for (PsaProvider p : PsaProvider.values()) {
            var s = connections.lastKnown(p);
            var d = new LinkedHashMap<String, Object>();
            d.put("configured", s.configured());
            s.testCall().ifPresent(t -> {
                d.put("testCall", t.ok() ? "ok" : "failed");
                if (!t.ok()) {
                    d.put("problem", t.message());
                }
            });
            s.callsThisHour().ifPresent(n -> d.put("callsThisHour", n));
            allOk &= s.testCall().map(PsaStatus.TestCall::ok).orElse(true);
            details.put(p.id(), d);
        }
        return (allOk ? Health.up() : Health.status(DEGRADED)).withDetails(details).build();
    }
}
