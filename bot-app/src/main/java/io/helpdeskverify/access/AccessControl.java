package io.helpdeskverify.access;

import java.util.Optional;

/** The rules applied to the stored policies: what the chat flow asks before it reveals or starts anything. */
public final class AccessControl {

    private final AccessRules rules;
    private final AccessPolicies policies;
    private final UserGroups groups;

    public AccessControl(AccessRules rules, AccessPolicies policies, UserGroups groups) {
        this.rules = rules;
        this.policies = policies;
        this.groups = groups;
    }

    public AccessMode mode() {
        return rules.mode();
    }

    /** @see AccessRules#door */
    public Optional<AccessDecision.Refused> door(TechnicianContext who) {
        return rules.door(who);
    }

    /** May {@code who} verify end users of this customer (by slug)? */
    public AccessDecision decide(String customer, TechnicianContext who) {
        var refused = rules.door(who);
        if (refused.isPresent()) {
            // Refused whoever the customer is: no need to read its policy.
            return refused.get();
        }
        return rules.decide(policies.find(customer), who, groups);
    }
}
