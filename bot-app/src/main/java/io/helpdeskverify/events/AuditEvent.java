package io.helpdeskverify.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log. Fields follow the brief; absent values are empty strings so that the
 * JSON and CSV exports always have the same columns. Never holds a code, a full phone number or a
 * full email address: callers pass masked contacts only.
 *
 * @param id the stream entry id once stored, empty before
 * @param prev the hash of the previous event of the chain it was read from (the customer's chain when
 *             read for one customer, else the global one), empty before it is stored (docs/audit.md)
 * @param hash this event's link in that chain: an HMAC over {@code prev} and every field above
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
        String reason,
        String prev,
        String hash) {

    /** An event before it is stored: no id, no links yet. */
    public AuditEvent(String id, EventType type, Instant time, String customer, String user, String technician,
                      String technicianId, String platform, String channel, String method, String verificationId,
                      String outcome, String reason) {
        this(id, type, time, customer, user, technician, technicianId, platform, channel, method, verificationId,
                outcome, reason, "", "");
    }

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
        prev = blankIfNull(prev);
        hash = blankIfNull(hash);
    }

    public AuditEvent withId(String newId) {
        return new AuditEvent(newId, type, time, customer, user, technician, technicianId, platform, channel,
                method, verificationId, outcome, reason, prev, hash);
    }

    /** The same event with its links in one chain. */
    public AuditEvent withLinks(String newPrev, String newHash) {
        return new AuditEvent(id, type, time, customer, user, technician, technicianId, platform, channel,
                method, verificationId, outcome, reason, newPrev, newHash);
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}
