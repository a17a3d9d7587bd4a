package io.helpdeskverify.verification;

import java.time.Instant;
import java.util.Optional;

/** Where one-time user links are kept: by their keyed hash, never the token itself. */
public interface UserLinkStore {

    /** What a link opens, and until when. */
    record Held(String verificationId, Instant expiresAt) {}

    /** Keeps it until {@code expiresAt} (then the store forgets it). */
    void save(String hash, Held held);

    /** Reads it without using it up. */
    Optional<Held> find(String hash);

    /** Uses it up: of concurrent callers, exactly one gets it. */
    Optional<Held> take(String hash);
}
