package io.helpdeskverify.siem;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one destination's events in log order, from its stored cursor, while holding its lease.
 * The cursor moves only after a 2xx (or when an event is given up), and is saved after every event,
 * so a crash or restart sends at most the event in flight again, with the same idempotency key. A
 * failure stops the pass until the back-off has passed: later events never overtake an earlier one.
 */
class WebhookDrainer {

    private static final Logger log = LoggerFactory.getLogger(WebhookDrainer.class);

    private final WebhookStore store;
    private final DeliveryStates states;
    private final EventFeed feed;
    private final EventLog events;
    private final WebhookSender sender;
    private final SyslogSender syslog;
    private final SiemMetrics metrics;
    private final List<DeadDestinationNotices> notices;
    private final SiemProperties props;
    private final Clock clock;

    WebhookDrainer(WebhookStore store, DeliveryStates states, EventFeed feed, EventLog events, WebhookSender sender,
                   SyslogSender syslog, SiemMetrics metrics, List<DeadDestinationNotices> notices, SiemProperties props, Clock clock) {
        this.store = store;
        this.states = states;
        this.feed = feed;
        this.events = events;
        this.sender = sender;
        this.syslog = syslog;
        this.metrics = metrics;
        this.notices = List.copyOf(notices);
        this.props = props;
        this.clock = clock;
    }

    /** One pass over the destination, unless another instance holds it; {@code go} false stops it between events. */
    void drain(WebhookDestination d, BooleanSupplier go) {
        var lease = states.tryLease(d.id(), props.lease());
        if (lease.isEmpty()) {
            return;
        }
        try {
            pass(d, lease.get(), go);
        } finally {
            lease.get().release();
        }
    }

    private void pass(WebhookDestination d, DeliveryStates.Lease lease, BooleanSupplier go) {
        while (go.getAsBoolean()) {
            var loaded = states.load(d.id());
            var secret = store.secret(d.id());
            if (loaded.isEmpty() || secret.isEmpty()) {
                return; // deleted meanwhile
            }
            DeliveryState state = loaded.get();
            if (clock.instant().isBefore(state.nextAttemptAt())) {
                return;
            }
            List<AuditEvent> batch = feed.after(state.cursor(), props.batch());
            if (batch.isEmpty()) {
                metrics.lag(d.id(), Duration.ZERO);
                return;
            }
            metrics.lag(d.id(), Duration.between(batch.get(0).time(), clock.instant()));
            for (AuditEvent e : batch) {
                if (!d.receives(e.customer())) {
                    state = state.skipped(feed.advance(state.cursor(), e));
                    continue;
                }
                if (!go.getAsBoolean() || !lease.extend()) {
                    states.save(d.id(), state);
                    return;
                }
                SendResult result = SyslogSender.isSyslog(d.url()) ? syslog.send(d.url(), e)
                        : sender.send(d.url(), secret.get(), e.id(), EventJson.of(e));
                if (result instanceof SendResult.Delivered) {
                    state = state.delivered(feed.advance(state.cursor(), e));
                    metrics.delivered(d.id());
                    states.save(d.id(), state);
                    continue;
                }
                String why = ((SendResult.Failed) result).why();
                Instant now = clock.instant();
                metrics.failed(d.id());
                Instant since = state.failingSince().orElse(now);
                if (Duration.between(since, now).compareTo(props.giveUpAfter()) >= 0) {
                    state = state.dropped(feed.advance(state.cursor(), e));
                    states.save(d.id(), state);
                    recordDrop(d, e, why);
                    continue;
                }
                DeliveryState failed = state.failed(now, now.plus(props.backoff(state.attempts() + 1)), why);
                states.save(d.id(), failed);
                tellIfDead(d, failed, now);
                return;
            }
            states.save(d.id(), state);
        }
    }

    private void recordDrop(WebhookDestination d, AuditEvent e, String why) {
        metrics.dropped(d.id());
        log.warn("SIEM destination {} gave up on event {} after {} of failures ({})", d.id(), e.id(),
                props.giveUpAfter(), why);
        events.append(new AuditEvent("", EventType.WEBHOOK_EVENT_DROPPED, clock.instant(), e.customer(), e.user(), "",
                "", "", "", "", e.verificationId(), d.id(), "event " + e.id() + " (" + e.type() + ") was not delivered to "
                + "webhook " + d.id() + " within " + props.giveUpAfter() + ": " + why));
    }

    private void tellIfDead(WebhookDestination d, DeliveryState s, Instant now) {
        Duration failing = Duration.between(s.failingSince().orElse(now), now);
        if (failing.compareTo(props.deadAfter()) < 0 || notices.isEmpty()
                || !states.claimNotice(d.id(), props.noticeEvery())) {
            return;
        }
        log.warn("SIEM destination {} has been failing for {} ({})", d.id(), failing, s.lastError());
        for (DeadDestinationNotices n : notices) {
            try {
                n.destinationDead(d, failing, s.lastError());
            } catch (RuntimeException ex) {
                log.warn("Could not tell the admins about SIEM destination {} ({})", d.id(), ex.getClass().getSimpleName());
            }
        }
    }
}
