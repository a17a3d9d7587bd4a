package io.helpdeskverify.alerts;

import io.helpdeskverify.directory.AlertPolicy;
import io.helpdeskverify.directory.AlertPolicy.AlertChannel;
import io.helpdeskverify.directory.Customer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One customer's effective alert rules: the customer's {@code policy.alerts} overlaid on the
 * service defaults ({@code HELPDESK_ALERTS_*}).
 */
record AlertSettings(Duration quickDenial, int refusals, Duration refusalWindow, Duration contactChangeWindow,
                     int technicians, Duration techniciansWindow, Set<String> disabled,
                     Optional<String> securityContact, Optional<AlertChannel> channel) {

    static AlertSettings of(AlertsProperties d, String slug, Optional<Customer> customer) {
        var p = customer.map(c -> c.policy().alerts()).orElse(AlertPolicy.DEFAULTS);
        return new AlertSettings(p.quickDenial().orElse(d.quickDenial()), p.refusals().orElse(d.refusals()),
                p.refusalWindow().orElse(d.refusalWindow()), p.contactChangeWindow().orElse(d.contactChangeWindow()),
                p.technicians().orElse(d.technicians()), p.techniciansWindow().orElse(d.techniciansWindow()),
                p.disabled(), p.securityContact().filter(s -> !s.isBlank()).or(() -> d.securityContactOf(slug)),
                p.channel().or(d::channel));
    }

    boolean enabled(AlertRule rule) {
        return !disabled.contains(rule.name());
    }
}
