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

    /*
     * The stored code of each event type is its position here: append new types at the end and never
     * reorder, because entries keep their code for the whole retention period. Redis stores a small
     * integer in 2 bytes of a stream node; the type's name took 15 to 24.
     */
    private static final List<EventType> TYPE_CODES = List.of(EventType.VERIFICATION_REQUESTED,
            EventType.CHALLENGE_SENT, EventType.DELIVERY_FAILED, EventType.FALLBACK_USED, EventType.USER_APPROVED,
            EventType.USER_DENIED, EventType.TECHNICIAN_APPROVED, EventType.TECHNICIAN_DENIED, EventType.VERIFIED,
            EventType.UNABLE_TO_VERIFY, EventType.EXPIRED, EventType.CANCELLED, EventType.RATE_LIMITED,
            EventType.UNAUTHORIZED_ACTION, EventType.CONTACT_CHANGED, EventType.DELIVERY_REPORTED,
            EventType.DEVICE_ENROLLED, EventType.DEVICE_REVOKED, EventType.API_TOKEN_ISSUED, EventType.API_TOKEN_REVOKED,
            EventType.PSA_NOTE_WRITTEN, EventType.PSA_NOTE_FAILED, EventType.USER_REPORTED, EventType.ALERT,
            EventType.WEBHOOK_EVENT_DROPPED);

    private final Clock clock;
    private final Duration retention;

    public EventStreams(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /** The customer's index: the ids of its events in {@link #GLOBAL}, without fields. */
    public static String customerStream(String customer) {
        return "hv:events:c:" + customer;
    }

    /** Entries older than this id are trimmed (approximately, as Redis does it cheaply) on every append. */
    public String minId() {
        return clock.instant().minus(retention).toEpochMilli() + "-0";
    }

    /**
     * Every field in the same order, empty ones too: Redis then stores the names once per stream node
     * instead of once per entry (about 60 B less per event than leaving empty fields out).
     */
    public static List<String> fields(AuditEvent e) {
        var out = new ArrayList<String>(24);
        add(out, "type", Integer.toString(code(e.type())));
        // Epoch nanoseconds: Redis keeps a decimal integer in 9 bytes, the ISO text took 28.
        add(out, "time", Long.toString(Math.addExact(Math.multiplyExact(e.time().getEpochSecond(), 1_000_000_000L),
                e.time().getNano())));
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
        return new AuditEvent(id, type(get(f, "type")), time(get(f, "time")), get(f, "customer"),
                get(f, "user"), get(f, "technician"), get(f, "technicianId"), get(f, "platform"), get(f, "channel"),
                get(f, "method"), get(f, "verificationId"), get(f, "outcome"), get(f, "reason"));
    }

    static int code(EventType type) {
        int code = TYPE_CODES.indexOf(type);
        if (code < 0) {
            throw new IllegalStateException(type + " has no stored code: add it at the end of TYPE_CODES");
        }
        return code;
    }

    /* A code; entries written before codes hold the name. */
    private static EventType type(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return TYPE_CODES.get(Integer.parseInt(value));
        }
        return EventType.valueOf(value);
    }

    private static void add(List<String> out, String name, String value) {
        out.add(name);
        out.add(value);
    }

    /* Epoch nanoseconds; entries written before that change hold ISO-8601. */
    private static Instant time(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            long nanos = Long.parseLong(value);
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        }
        return Instant.parse(value);
    }

    private static String get(Map<?, ?> f, String name) {
        Object v = f.get(name);
        return v == null ? "" : v.toString();
    }
}
