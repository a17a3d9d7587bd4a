package io.helpdeskverify.tokens;

import java.util.List;
import java.util.Optional;

/** Where named tokens live. */
public interface ApiTokenStore {

    /**
     * Stores a new token unless an active token already has its name.
     *
     * @return false when the name is taken (nothing stored)
     */
    boolean create(ApiToken token);

    Optional<ApiToken> find(String id);

    /** Every token, revoked ones included, oldest first. */
    List<ApiToken> all();

    /** Replaces the stored token (revocation) and frees its name. */
    void revoke(ApiToken revoked);
}
