package io.helpdeskverify.psa;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Notes owed to tickets, shared by every instance. A note waits for its verification to end, then
 * is due; due notes are claimed under a lease, so one instance writes each, and one that dies
 * mid-way lets another take it after the lease.
 */
public interface TicketNoteOutbox {

    /** Keeps the link and looks at it again at {@code checkAt} (after the deadline) if no end was heard before. */
    void add(TicketLink link, Instant checkAt);

    Optional<TicketLink> link(String verificationId);

    /**
     * The verification ended: its note is due now. Atomic and once: true for the one caller that
     * moved it, false when it was already due, claimed or done.
     */
    boolean makeDue(String verificationId, Instant now);

    /** Waiting notes whose look-again time passed, each pushed {@code lease} ahead. */
    List<String> claimWaiting(Instant now, int max, Duration lease);

    /** A waiting note whose verification is still running: look again at {@code at}. */
    void waitUntil(String verificationId, Instant at);

    /** Due notes, each pushed {@code lease} ahead so no other instance takes it meanwhile. */
    List<String> claimDue(Instant now, int max, Duration lease);

    /** A failed try: counts it, makes the note due again after a doubling back-off from {@code now}, returns the tries so far. */
    int failedAttempt(String verificationId, Instant now);

    /** Written, or given up: forget it. */
    void done(String verificationId);
}
