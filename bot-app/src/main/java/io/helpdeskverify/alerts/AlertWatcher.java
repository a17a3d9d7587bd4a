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
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the events as they are stored, whichever instance wrote them, and raises each alert once.
 * Every instance reads every event (the log is the only thing they share); the claim in Redis
 * decides which one raises it, so two instances neither miss nor double an alert. The claim records
 * the alert's notices as pending; the claimer sends them at once, and any instance sends those
 * still pending after the grace ({@code HELPDESK_ALERTS_NOTICE_GRACE}), so an instance that dies in
 * between loses none.
 */
class AlertWatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertWatcher.class);
    /* On start, look this far back: an event stored while this instance was starting still counts. */
    private static final Duration LOOKBACK = Duration.ofMinutes(1);
    private static final int SWEEP = 100;

    private final EventLog events;
    private final AlertRules rules;
    private final AlertMarks marks;
    private final AlertNotices notices;
    private final Duration grace;
    private final Clock clock;
    private String cursor;

    AlertWatcher(EventLog events, AlertRules rules, AlertMarks marks, AlertNotices notices, Duration grace,
                 Clock clock) {
        this.events = events;
        this.rules = rules;
        this.marks = marks;
        this.notices = notices;
        this.grace = grace;
        this.clock = clock;
        this.cursor = clock.instant().minus(LOOKBACK).toEpochMilli() + "-0";
    }

    /** Evaluates every event stored since the last poll, oldest first, then sends what others left pending. */
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
        sendLeftOver();
    }

    private void raise(Alert alert) {
        var kinds = EnumSet.allOf(NoticeKind.class);
        if (!marks.claim(alert, kinds, clock.instant().plus(grace))) {
            return;
        }
        log.warn("Security alert {} for customer {} (event {})", alert.rule(), alert.trigger().customer(),
                alert.trigger().id());
        var settings = rules.settings(alert.trigger().customer());
        for (NoticeKind kind : kinds) {
            deliver(new PendingNotice(alert, kind), settings);
        }
    }

    /* Notices whose instance did not confirm them within the grace: it died, or the recipient failed. */
    private void sendLeftOver() {
        try {
            for (PendingNotice n : marks.takeDue(clock.instant(), clock.instant().plus(grace), SWEEP)) {
                log.info("Sending the {} notice of alert {} left pending", n.kind(), n.alert().occurrence());
                deliver(n, rules.settings(n.alert().trigger().customer()));
            }
        } catch (RuntimeException ex) {
            log.error("Could not read the pending alert notices ({})", ex.getClass().getSimpleName());
        }
    }

    private void deliver(PendingNotice n, AlertSettings settings) {
        boolean done;
        try {
            done = switch (n.kind()) {
                case EVENT -> store(n.alert());
                case EMAIL -> notices.email(n.alert(), settings);
                case CHANNEL -> notices.post(n.alert(), settings);
            };
        } catch (RuntimeException ex) {
            log.warn("The {} notice of alert {} failed ({}); trying again later", n.kind(), n.alert().occurrence(),
                    ex.getClass().getSimpleName());
            done = false;
        }
        if (done) {
            marks.done(n);
        }
    }

    private boolean store(Alert alert) {
        AuditEvent t = alert.trigger();
        events.append(new AuditEvent("", EventType.ALERT, clock.instant(), t.customer(), t.user(), t.technician(),
                t.technicianId(), t.platform(), t.channel(), t.method(), t.verificationId(), alert.rule().name(),
                alert.rule().what() + " " + alert.detail() + " (event " + t.id() + ")"));
        return true;
    }
}
