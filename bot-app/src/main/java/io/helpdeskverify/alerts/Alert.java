package io.helpdeskverify.alerts;

import io.helpdeskverify.events.AuditEvent;
import java.util.Objects;

/**
 * A rule that fired on one stored event.
 *
 * @param trigger the event that completed the pattern; its stream id makes the alert unique
 * @param detail the figures behind it (how many, within what), never a contact or a code
 */
public record Alert(AlertRule rule, AuditEvent trigger, String detail) {

    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(detail, "detail");
    }

    /** The key that makes an alert raised once, however many instances see the trigger. */
    public String occurrence() {
        return rule.name() + ":" + trigger.id();
    }

    /** The customer whose events raised it. */
    public String customer() {
        return trigger.customer();
    }
}
