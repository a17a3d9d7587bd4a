package io.helpdeskverify.verification;

import io.helpdeskverify.events.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where verifications live. Every write stores the new value, its events and its timer in one
 * atomic step, and {@link #replace} is a compare-and-set on the version: with any number of racing
 * callers on any number of instances exactly one wins.
 */
public interface VerificationStore {

    Optional<Verification> find(String id);

    /**
     * Whether a new verification of {@code customer} may take {@code id} (as its id or challenge id):
     * the store keeps everything of one customer together (one Redis Cluster slot), and keys found by
     * an id alone must land there too, so new ids are drawn until this holds (1 in 16 does).
     */
    boolean keepsTogether(String id, String customer);

    Optional<Verification> findByChallenge(String challengeId);

    /** Verifications of this end user whose push has not been answered yet (the app's polling view). */
    List<Verification> awaitingUser(String customer, String endUser);

    /** @return false if the id is taken */
    boolean create(Verification v, List<AuditEvent> events);

    /** @return the stored value (with its new version), or empty if {@code current} was not the latest */
    Optional<Verification> replace(Verification current, Verification next, List<AuditEvent> events);

    /**
     * Atomically takes up to {@code max} verifications whose deadline passed. A taken one comes back
     * after {@code lease} unless {@link #release} or {@link #reschedule} is called, so an instance that
     * dies mid-way loses nothing.
     */
    List<String> claimDue(Instant now, int max, Duration lease);

    void release(String id);

    void reschedule(String id, Instant at);
}
