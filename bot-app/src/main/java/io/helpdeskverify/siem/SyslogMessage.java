package io.helpdeskverify.siem;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * An event as an RFC 5424 syslog line with a CEF message, the two shapes Splunk, Sentinel, QRadar and
 * Elastic all parse: facility log audit (13), {@code MSGID} = the event type, structured data
 * {@code [hv@32473 eventId=… customer=…]} (32473 is the documentation enterprise number, RFC 5612),
 * then {@code CEF:0|HelpdeskVerify|Helpdesk Verify|1|<type>|<type>|<severity>|<extension>}.
 */
final class SyslogMessage {

    private static final int FACILITY_LOG_AUDIT = 13;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<EventType> NOTABLE = Set.of(EventType.USER_DENIED, EventType.TECHNICIAN_DENIED,
            EventType.UNABLE_TO_VERIFY, EventType.RATE_LIMITED, EventType.UNAUTHORIZED_ACTION, EventType.USER_REPORTED,
            EventType.CONTACT_CHANGED, EventType.WEBHOOK_EVENT_DROPPED);

    private SyslogMessage() {}

    static String of(AuditEvent e, String hostname) {
        int syslogSeverity = e.type() == EventType.ALERT ? 4 : NOTABLE.contains(e.type()) ? 5 : 6;
        int cefSeverity = e.type() == EventType.ALERT ? 8 : NOTABLE.contains(e.type()) ? 5 : 3;
        String type = e.type().name();
        return "<" + (FACILITY_LOG_AUDIT * 8 + syslogSeverity) + ">1 " + TIMESTAMP.format(e.time()) + " " + hostname
                + " helpdesk-verify - " + type + " [hv@32473 eventId=\"" + sd(e.id()) + "\" customer=\""
                + sd(e.customer()) + "\"] CEF:0|HelpdeskVerify|Helpdesk Verify|1|" + type + "|" + type + "|"
                + cefSeverity + "|" + extension(e);
    }

    static String localHostname() {
        String h = System.getenv("HOSTNAME");
        return h == null || h.isBlank() || !h.matches("[\\x21-\\x7e]{1,255}") ? "-" : h;
    }

    private static String extension(AuditEvent e) {
        var out = new StringBuilder();
        add(out, "rt", Long.toString(e.time().toEpochMilli()));
        add(out, "externalId", e.id());
        add(out, "cs1Label", "customer");
        add(out, "cs1", e.customer());
        add(out, "cs2Label", "verificationId");
        add(out, "cs2", e.verificationId());
        add(out, "duser", e.user());
        add(out, "suser", e.technician());
        add(out, "suid", e.technicianId());
        add(out, "cs3Label", "platform");
        add(out, "cs3", e.platform());
        add(out, "cs4Label", "method");
        add(out, "cs4", e.method());
        add(out, "outcome", e.outcome());
        add(out, "reason", e.reason());
        return out.toString();
    }

    private static void add(StringBuilder out, String key, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(key).append('=').append(cef(value));
    }

    /* CEF extension values: backslash and '=' escaped, line breaks as \n so that one event stays one line. */
    private static String cef(String v) {
        return v.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r").replace("\n", "\\n");
    }

    /* RFC 5424 PARAM-VALUE: '"', '\' and ']' escaped; line breaks never reach the line. */
    private static String sd(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]").replace("\r", " ").replace("\n", " ");
    }
}
