package io.helpdeskverify.alerts;

import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.verification.Verification;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides, for one stored event, whether it completes a suspicious pattern. It reads the user's
 * earlier events back from the log rather than keeping counts of its own, so any instance reaches
 * the same answer for the same event.
 */
class AlertRules {

    private static final int HISTORY = 1_000;

    private final EventLog events;
    private final AlertsProperties defaults;
    private final DirectoryService directory;

    AlertRules(EventLog events, AlertsProperties defaults, DirectoryService directory) {
        this.events = events;
        this.defaults = defaults;
        this.directory = directory;
    }

    /** The customer's effective rules, read again for every event so that a policy change counts at once. */
    AlertSettings settings(String customer) {
        return AlertSettings.of(defaults, customer, directory.findCustomer(customer)
                .filter(c -> c.slug().equals(customer)));
    }

    Optional<Alert> evaluate(AuditEvent e) {
        if (e.customer().isEmpty() || e.user().isEmpty()) {
            return Optional.empty();
        }
        var settings = settings(e.customer());
        return fired(e, settings).filter(a -> settings.enabled(a.rule()));
    }

    private Optional<Alert> fired(AuditEvent e, AlertSettings props) {
        return switch (e.type()) {
            case USER_REPORTED -> Optional.of(new Alert(AlertRule.USER_REPORTED, e, "verification " + e.verificationId()));
            case USER_DENIED -> Verification.CODES_DO_NOT_MATCH_REASON.equals(e.reason())
                    ? Optional.of(new Alert(AlertRule.REVERSE_MISMATCH, e, "reverse check " + e.verificationId()))
                    : quickDenial(e, props);
            case RATE_LIMITED -> repeatedRefusals(e, props);
            case VERIFICATION_REQUESTED -> afterContactChange(e, props);
            case VERIFIED -> severalTechnicians(e, props);
            default -> Optional.empty();
        };
    }

    private Optional<Alert> quickDenial(AuditEvent e, AlertSettings props) {
        // A report is also stored as USER_DENIED's state; the USER_REPORTED event raises its own alert.
        boolean started = before(e, EventType.VERIFICATION_REQUESTED, props.quickDenial()).stream()
                .anyMatch(r -> r.verificationId().equals(e.verificationId())
                        && Duration.between(r.time(), e.time()).compareTo(props.quickDenial()) <= 0);
        return started ? Optional.of(new Alert(AlertRule.QUICK_DENIAL, e, "denied within " + props.quickDenial()
                + " of the start of verification " + e.verificationId())) : Optional.empty();
    }

    /* Fires on the refusal that reaches the threshold, not on every one after it. */
    private Optional<Alert> repeatedRefusals(AuditEvent e, AlertSettings props) {
        int count = before(e, EventType.RATE_LIMITED, props.refusalWindow()).size();
        return count == props.refusals() ? Optional.of(new Alert(AlertRule.REPEATED_REFUSALS, e,
                count + " refusals within " + props.refusalWindow())) : Optional.empty();
    }

    private Optional<Alert> afterContactChange(AuditEvent e, AlertSettings props) {
        var changes = before(e, EventType.CONTACT_CHANGED, props.contactChangeWindow());
        return changes.isEmpty() ? Optional.empty() : Optional.of(new Alert(AlertRule.AFTER_CONTACT_CHANGE, e,
                "verification " + e.verificationId() + " started within " + props.contactChangeWindow()
                        + " of a contact change"));
    }

    /* Fires when the technician who reaches the threshold verifies, once. */
    private Optional<Alert> severalTechnicians(AuditEvent e, AlertSettings props) {
        var verified = before(e, EventType.VERIFIED, props.techniciansWindow());
        var earlier = verified.stream().filter(v -> !v.id().equals(e.id())).map(AlertRules::technicianOf)
                .collect(Collectors.toSet());
        if (earlier.contains(technicianOf(e)) || earlier.size() + 1 != props.technicians()) {
            return Optional.empty();
        }
        return Optional.of(new Alert(AlertRule.SEVERAL_TECHNICIANS, e, props.technicians() + " technicians within "
                + props.techniciansWindow()));
    }

    private static String technicianOf(AuditEvent e) {
        return e.technicianId().isEmpty() ? e.technician() : e.technicianId();
    }

    /** The user's events of a type from {@code window} before {@code e} up to and including it. */
    private List<AuditEvent> before(AuditEvent e, EventType type, Duration window) {
        var q = new EventQuery(Optional.of(e.customer()), Optional.of(e.user()), Optional.of(type),
                Optional.of(e.time().minus(window)), Optional.empty(), HISTORY);
        // Bounded by the stream id, not the time: Redis stamps the id, so it may be a millisecond past e.time().
        return events.query(q).stream().filter(x -> StreamIds.compare(x.id(), e.id()) <= 0).toList();
    }
}
