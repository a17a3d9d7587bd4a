package io.helpdeskverify.siem;

import java.util.List;
import java.util.Optional;

/** The webhook destinations and their sealed signing secrets (Redis: {@code siem.store}). */
public interface WebhookStore {

    /** Stores the destination and its first delivery state (cursor {@code startCursor}) together. */
    void create(WebhookDestination destination, String secret, String startCursor);

    List<WebhookDestination> all();

    Optional<WebhookDestination> find(String id);

    /** The signing secret in plain text, for signing only; empty when the destination is gone. */
    Optional<String> secret(String id);

    /** @return false when there is no such destination */
    boolean replaceSecret(String id, String secret);

    /** Removes the destination and its delivery state; @return false when there was none */
    boolean delete(String id);
}
