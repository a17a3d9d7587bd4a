package io.helpdeskverify.events.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream entry layout: every field in one order (names stored once per node), times lossless. */
class EventStreamsTest {

    private final AuditEvent event = new AuditEvent("", EventType.CHALLENGE_SENT,
            Instant.parse("2026-11-24T10:01:11.123456789Z"), "acme", "alice", "Tina", "slack:U1", "slack", "C1",
            "PUSH", "v-1", "", "");

    @Test
    void everyFieldIsWrittenInTheSameOrderEvenWhenEmpty() {
        List<String> fields = EventStreams.fields(event);
        assertThat(fields).hasSize(24);
        assertThat(names(fields)).containsExactly("type", "time", "customer", "user", "technician", "technicianId",
                "platform", "channel", "method", "verificationId", "outcome", "reason");
        assertThat(EventStreams.fields(event.withId("1-0"))).isEqualTo(fields);
    }

    @Test
    void anEntryReadsBackExactlyToTheNanosecond() {
        assertThat(EventStreams.read("1-0", map(EventStreams.fields(event)))).isEqualTo(event.withId("1-0"));
    }

    @Test
    void everyTypeHasItsOwnStoredCodeAndReadsBack() {
        var codes = new java.util.HashSet<Integer>();
        for (EventType type : EventType.values()) {
            assertThat(codes.add(EventStreams.code(type))).as(type + "'s code is its own").isTrue();
            var e = new AuditEvent("", type, event.time(), "acme", "", "", "", "", "", "", "", "", "");
            assertThat(EventStreams.read("3-0", map(EventStreams.fields(e))).type()).isEqualTo(type);
        }
        // Codes are stored for the retention period: the first ones must never move.
        assertThat(EventStreams.code(EventType.VERIFICATION_REQUESTED)).isZero();
        assertThat(EventStreams.code(EventType.DELIVERY_REPORTED)).isEqualTo(15);
        assertThat(EventStreams.code(EventType.DEVICE_ENROLLED)).isEqualTo(16);
        assertThat(EventStreams.code(EventType.DEVICE_REVOKED)).isEqualTo(17);
    }

    @Test
    void entriesWrittenBeforeStillRead() {
        var old = Map.of("type", "VERIFIED", "time", "2026-11-24T10:01:11.123456Z", "customer", "acme", "user", "bob");
        var e = EventStreams.read("2-0", old);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-24T10:01:11.123456Z"));
        assertThat(e.technician()).isEmpty();
    }

    private static List<String> names(List<String> fields) {
        return java.util.stream.IntStream.range(0, fields.size() / 2).mapToObj(i -> fields.get(2 * i)).toList();
    }

    private static Map<String, String> map(List<String> fields) {
        var m = new HashMap<String, String>();
        for (int i = 0; i < fields.size(); i += 2) {
            m.put(fields.get(i), fields.get(i + 1));
        }
        return m;
    }
}
