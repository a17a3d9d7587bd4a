package io.helpdeskverify.chat.core;

import io.helpdeskverify.access.AccessControl;
import io.helpdeskverify.access.AccessDecision;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.directory.Customer;
import java.util.HashMap;
import java.util.Map;

/**
 * One request's view of who its technician may verify. Decisions are kept for the request, so a
 * list of close matches asks each customer's policy (and Slack's group lists) once.
 */
public final class TechnicianAccess {

    private final AccessControl access;
    private final TechnicianContext who;
    private final Map<String, AccessDecision> decided = new HashMap<>();

    public TechnicianAccess(AccessControl access, TechnicianContext who) {
        this.access = access;
        this.who = who;
    }

    public boolean mayVerify(Customer customer) {
        return mayVerify(customer.slug());
    }

    public boolean mayVerify(String slug) {
        return decision(slug) instanceof AccessDecision.Allowed;
    }

    public AccessDecision decision(String slug) {
        return decided.computeIfAbsent(slug, s -> access.decide(s, who));
    }

    public TechnicianContext who() {
        return who;
    }
}
