package io.helpdeskverify.alerts;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the events as they are stored, whichever instance wrote them, and raises each alert once.
 * Every instance reads every event (the log is the only thing they share); the claim in Redis
 * decides which one raises it, so two instances neither miss nor double an alert.
 */
class AlertWatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertWatcher.class);
    /* On start, look this far back: an event stored while this instance was starting still counts. */
    private static final Duration LOOKBACK = Duration.ofMinutes(1);

    private final EventLog events;
    private final AlertRules rules;
    private final AlertMarks marks;
    private final AlertNotices notices;
    private final Clock clock;
    private String cursor;

    AlertWatcher(EventLog events, AlertRules rules, AlertMarks marks, AlertNotices notices, Clock clock) {
        this.events = events;
        this.rules = rules;
        this.marks = marks;
        this.notices = notices;
        this.clock = clock;
        this.cursor = clock.instant().minus(LOOKBACK).toEpochMilli() + "-0";
    }

    /** Evaluates every event stored since the last poll, oldest first. */
    synchronized void poll() {
        Instant since = Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, cursor.indexOf('-'))));
        var fresh = new ArrayList<>(events.query(new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(since), Optional.empty(), EventQuery.MAX_LIMIT)));
        Collections.reverse(fresh);
        for (AuditEvent e : fresh) {
            if (StreamIds.compare(e.id(), cursor) <= 0) {
                continue;
            }
            try {
                rules.evaluate(e).ifPresent(this::raise);
            } catch (RuntimeException ex) {
                // One unreadable event must not stop the watch; the next poll moves past it.
                log.error("Alert rules failed on event {} ({})", e.id(), ex.getClass().getSimpleName());
            }
            cursor = e.id();
        }
    }

    private void raise(Alert alert) {
        if (!marks.claim(alert.trigger().customer(), alert.occurrence())) {
            return;
        }
        AuditEvent t = alert.trigger();
        events.append(new AuditEvent("", EventType.ALERT, clock.instant(), t.customer(), t.user(), t.technician(),
                t.technicianId(), t.platform(), t.channel(), t.method(), t.verificationId(), alert.rule().name(),
                alert.rule().what() + " " + alert.detail() + " (event " + t.id() + ")"));
        log.warn("Security alert {} for customer {} (event {})", alert.rule(), t.customer(), t.id());
        notices.send(alert);
    }
}
