package io.helpdeskverify.events;

import java.time.Instant;
import java.util.Optional;

/** Walks a tamper-evident event chain (docs/audit.md): the global one, or one customer's. */
public interface EventChainCheck {

    /**
     * @param customer the customer's chain; empty for the global one
     * @param from     check from the first event at or after this time (its own link is trusted); else from
     *                 the start, or the trim checkpoint
     * @param to       up to the last event at or before this time; else up to the chain's head
     */
    ChainReport verify(Optional<String> customer, Optional<Instant> from, Optional<Instant> to);

    /**
     * The chain's key (base64url), for checking an export offline. Sensitive: whoever holds it can
     * forge that chain's links (but no other chain's: every customer has its own key).
     */
    String key(Optional<String> customer);
}
