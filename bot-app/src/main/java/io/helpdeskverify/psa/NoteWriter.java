package io.helpdeskverify.psa;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationChange;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes each ticket's note once its verification ended, on whichever instance claims it. The end
 * is heard through {@link VerificationChange}; an end that instance did not live to hear is found by
 * the sweep of waiting notes after the deadline, so nothing waits only in one instance's memory.
 * A PSA that is down gets the note later, with a doubling back-off; after the last try, an event and
 * a message to the technician.
 */
@Component
public class NoteWriter {

    private static final Logger log = LoggerFactory.getLogger(NoteWriter.class);
    private static final int BATCH = 20;

    private final TicketNoteOutbox outbox;
    private final PsaConnections connections;
    private final VerificationService verifications;
    private final EventLog events;
    private final List<NoteFailureNotices> notices;
    private final PsaProperties.Notes settings;
    private final Clock clock;

    public NoteWriter(TicketNoteOutbox outbox, PsaConnections connections, VerificationService verifications,
                      EventLog events, List<NoteFailureNotices> notices, PsaProperties props, Clock clock) {
        this.outbox = outbox;
        this.connections = connections;
        this.verifications = verifications;
        this.events = events;
        this.notices = List.copyOf(notices);
        this.settings = props.notes();
        this.clock = clock;
    }

    @EventListener
    public void on(VerificationChange change) {
        if (change.verification().isFinal() && !change.events().isEmpty()) {
            try {
                outbox.makeDue(change.verification().id(), clock.instant());
            } catch (RuntimeException e) {
                // The sweep after the deadline finds it.
                log.warn("Could not mark the ticket note of {} due: {}", change.verification().id(), e.toString());
            }
        }
    }

    @Scheduled(fixedDelayString = "${helpdesk.psa.notes.poll-interval:2s}")
    void poll() {
        try {
            sweepWaiting();
            writeDue();
        } catch (RuntimeException e) {
            // Redis away for a moment: claims come back after their lease.
            log.warn("Ticket note round failed, will retry: {}", e.toString());
        }
    }

    /** Waiting notes past their look-again time: due if the verification ended, else later. */
    public void sweepWaiting() {
        for (String id : outbox.claimWaiting(clock.instant(), BATCH, settings.lease())) {
            var v = verifications.find(id);
            if (v.isEmpty()) {
                outbox.done(id);
            } else if (v.get().isFinal()) {
                outbox.makeDue(id, clock.instant());
            } else {
                outbox.waitUntil(id, v.get().expiresAt().plus(settings.grace()));
            }
        }
    }

    /** @return how many notes this call wrote */
    public int writeDue() {
        int written = 0;
        for (String id : outbox.claimDue(clock.instant(), BATCH, settings.lease())) {
            var link = outbox.link(id);
            var v = verifications.find(id);
            if (link.isEmpty() || v.isEmpty()) {
                log.warn("Ticket note of {} dropped: its {} is gone", id, link.isEmpty() ? "link" : "verification");
                outbox.done(id);
                continue;
            }
            if (write(v.get(), link.get())) {
                written++;
            }
        }
        return written;
    }

    private boolean write(Verification v, TicketLink link) {
        String where = link.provider().label() + " ticket " + link.ticketNumber();
        try {
            connections.of(link.provider()).addInternalNote(NoteText.of(v, link));
            outbox.done(v.id());
            events.append(event(v, EventType.PSA_NOTE_WRITTEN, "internal note on " + where));
            log.info("Verification {}: note written on {}", v.id(), where);
            return true;
        } catch (PsaException e) {
            boolean hopeless = e.kind() == PsaException.Kind.NOT_FOUND || e.kind() == PsaException.Kind.REJECTED;
            int tries = hopeless ? settings.attempts() : outbox.failedAttempt(v.id(), clock.instant());
            if (tries < settings.attempts()) {
                log.info("Verification {}: note on {} failed (try {} of {}), will retry: {}", v.id(), where, tries,
                        settings.attempts(), e.getMessage());
                return false;
            }
            giveUp(v, link, where, e.getMessage());
            return false;
        }
    }

    private void giveUp(Verification v, TicketLink link, String where, String why) {
        outbox.done(v.id());
        events.append(event(v, EventType.PSA_NOTE_FAILED, "no note on " + where + ": " + why));
        log.warn("Verification {}: gave up the note on {}: {}", v.id(), where, why);
        for (var n : notices) {
            try {
                n.noteFailed(v, link, why);
            } catch (RuntimeException e) {
                log.warn("Could not tell the technician of {} about the missing note: {}", v.id(), e.toString());
            }
        }
    }

    private AuditEvent event(Verification v, EventType type, String reason) {
        var t = v.technician();
        return new AuditEvent("", type, clock.instant(), v.customer(), v.endUser(), t.name(), t.key(),
                t.platform().name(), v.channel(), v.method().name(), v.id(), v.outcome().map(Enum::name).orElse(""),
                reason);
    }
}
