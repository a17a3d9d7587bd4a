package io.helpdeskverify.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Outcomes that the chat has not shown yet. The store records one, in the same atomic write, each
 * time a verification becomes final, due a grace period later; the instance that made the change
 * normally shows it (card repainted, audit reply posted) and marks it shown well before then. One
 * that is still here when due was left behind by an instance that died or stopped: any instance
 * claims it and finishes the job.
 */
public interface UnpublishedOutcomes {

    /** Up to {@code max} ids whose grace has run out, each leased for {@code lease} to this caller. */
    List<String> claimDue(Instant now, int max, Duration lease);

    /** The outcome of this verification is on every card and in the audit threads. */
    void shown(String verificationId);
}
