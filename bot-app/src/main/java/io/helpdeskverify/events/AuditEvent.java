package io.helpdeskverify.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log. Fields follow the brief; absent values are empty strings so that the
 * JSON and CSV exports always have the same columns. Never holds a code, a full phone number or a
 * full email address: callers pass masked contacts only.
 *
 * @param id the stream entry id once stored, empty before
 */
public record AuditEvent(
        String id,
        EventType type,
        Instant time,
        String customer,
        String user,
        String technician,
        String technicianId,
        String platform,
        String channel,
        String method,
        String verificationId,
        String outcome,
        String reason) {

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        id = blankIfNull(id);
        customer = blankIfNull(customer);
        user = blankIfNull(user);
        technician = blankIfNull(technician);
        technicianId = blankIfNull(technicianId);
        platform = blankIfNull(platform);
        channel = blankIfNull(channel);
        method = blankIfNull(method);
        verificationId = blankIfNull(verificationId);
        outcome = blankIfNull(outcome);
        reason = blankIfNull(reason);
    }

    public AuditEvent withId(String newId) {
        return new AuditEvent(newId, type, time, customer, user, technician, technicianId, platform, channel,
                method, verificationId, outcome, reason);
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}
