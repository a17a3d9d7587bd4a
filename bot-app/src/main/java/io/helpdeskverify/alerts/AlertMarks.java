package io.helpdeskverify.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Remembers which alerts were raised and which of their notices are still to be sent, shared by
 * every instance. Claiming an alert records its pending notices in the same step, so an instance
 * that dies after the claim leaves them for another one instead of losing them.
 */
public interface AlertMarks {

    /**
     * Claims the occurrence and records one pending notice per kind, leased to the caller until
     * {@code leaseUntil}.
     *
     * @return true for exactly one caller per occurrence, across instances
     */
    boolean claim(Alert alert, Set<NoticeKind> kinds, Instant leaseUntil);

    /**
     * Takes up to {@code max} pending notices whose lease ran out by {@code now}, leasing each to the
     * caller until {@code leaseUntil}: of any number of instances asking at once, one gets each.
     */
    List<PendingNotice> takeDue(Instant now, Instant leaseUntil, int max);

    /** The notice was sent (or has nobody to go to): nobody sends it again. */
    void done(PendingNotice notice);
}
