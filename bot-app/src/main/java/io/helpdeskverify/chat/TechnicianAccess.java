package io.helpdeskverify.chat;

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
final class TechnicianAccess {

    private final AccessControl access;
    private final TechnicianContext who;
    private final Map<String, AccessDecision> decided = new HashMap<>();

    TechnicianAccess(AccessControl access, TechnicianContext who) {
        this.access = access;
        this.who = who;
    }

    boolean mayVerify(Customer customer) {
        return mayVerify(customer.slug());
    }

    boolean mayVerify(String slug) {
        return decision(slug) instanceof AccessDecision.Allowed;
    }

    AccessDecision decision(String slug) {
        return decided.computeIfAbsent(slug, s -> access.decide(s, who));
    }

    TechnicianContext who() {
        return who;
    }
}
