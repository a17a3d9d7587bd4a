package io.helpdeskverify.access;

import java.util.Optional;

/** Where customers' access policies are kept. */
public interface AccessPolicies {

    /** Empty when the customer has no policy (the global mode decides). */
    Optional<AccessPolicy> find(String customer);

    /** Replaces the customer's policy; an empty policy removes it. */
    void save(String customer, AccessPolicy policy);
}
