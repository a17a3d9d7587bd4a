package io.helpdeskverify.psa;

import java.time.Duration;
import java.util.Optional;

/**
 * Page sessions and Autotask one-time codes, shared by every instance. The store keeps only a hash
 * of each token and code: a copy of the store opens no page.
 */
public interface PodSessions {

    void put(String token, PodSession session);

    Optional<PodSession> find(String token);

    /** Lets the session read and decide this verification, until the session ends. */
    void addVerification(String token, PodSession session, String verificationId);

    void putCode(String code, PodGrant grant, Duration ttl);

    /** The code's technician and customers, once: a second use finds nothing. */
    Optional<PodGrant> takeCode(String code);
}
