package io.helpdeskverify.siem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.events.AuditEvent;

/**
 * An event as a SIEM receives it: the export's fields, with {@code id} (also the idempotency key),
 * {@code type} and {@code at} first. Events hold no secret, code or full contact, so neither does this.
 */
final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {}

    static String of(AuditEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", e.id());
        n.put("type", e.type().name());
        n.put("at", e.time().toString());
        n.put("customer", e.customer());
        n.put("verificationId", e.verificationId());
        n.put("user", e.user());
        n.put("technician", e.technician());
        n.put("technicianId", e.technicianId());
        n.put("platform", e.platform());
        n.put("channel", e.channel());
        n.put("method", e.method());
        n.put("outcome", e.outcome());
        n.put("reason", e.reason());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a tree of strings always serialises", ex);
        }
    }
}
