package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Redis Streams layout of the audit log, shared by the event log and the verification store
 * (which appends a transition's events in the same script that stores it).
 */
public final class EventStreams {

    public static final String GLOBAL = "hv:events";

    private final Clock clock;
    private final Duration retention;

    public EventStreams(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    public static String customerStream(String customer) {
        return "hv:events:c:" + customer;
    }

    /** Entries older than this id are trimmed (approximately, as Redis does it cheaply) on every append. */
    public String minId() {
        return clock.instant().minus(retention).toEpochMilli() + "-0";
    }

    /** Field names and values in a stable order; empty fields are left out to keep entries small. */
    public static List<String> fields(AuditEvent e) {
        var out = new ArrayList<String>(24);
        add(out, "type", e.type().name());
        add(out, "time", e.time().toString());
        add(out, "customer", e.customer());
        add(out, "user", e.user());
        add(out, "technician", e.technician());
        add(out, "technicianId", e.technicianId());
        add(out, "platform", e.platform());
        add(out, "channel", e.channel());
        add(out, "method", e.method());
        add(out, "verificationId", e.verificationId());
        add(out, "outcome", e.outcome());
        add(out, "reason", e.reason());
        return out;
    }

    public static AuditEvent read(String id, Map<?, ?> f) {
        return new AuditEvent(id, EventType.valueOf(get(f, "type")), Instant.parse(get(f, "time")), get(f, "customer"),
                get(f, "user"), get(f, "technician"), get(f, "technicianId"), get(f, "platform"), get(f, "channel"),
                get(f, "method"), get(f, "verificationId"), get(f, "outcome"), get(f, "reason"));
    }

    private static void add(List<String> out, String name, String value) {
        if (!value.isEmpty()) {
            out.add(name);
            out.add(value);
        }
    }

    private static String get(Map<?, ?> f, String name) {
        Object v = f.get(name);
        return v == null ? "" : v.toString();
    }
}
