package io.helpdeskverify.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Challenges issued but not yet sent. The store records one, in the same atomic write, whenever a
 * verification issues a challenge (a start, a fallback), due a grace period later, and drops it
 * when the verification moves on (sent, answered, ended). The instance that issued it normally
 * sends it within seconds; one still here when due was left behind by an instance that died or
 * stopped, and the code it was to carry died with it, so whoever claims it moves the verification
 * down its ladder (a new challenge, a new code), visibly, instead of leaving it waiting.
 */
public interface UnsentChallenges {

    /** Up to {@code max} ids whose grace has run out, each leased for {@code lease} to this caller. */
    List<String> claimDue(Instant now, int max, Duration lease);

    /** The sender is still trying (a retry after a back-off): not due before {@code until}. */
    void stillSending(String verificationId, Instant until);

    void forget(String verificationId);
}
