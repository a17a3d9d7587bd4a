package io.helpdeskverify.tokens;

/**
 * What an API token may do. {@code ADMIN} includes the others (the bootstrap token must be able
 * to do everything); {@code TECHNICIAN} and {@code AUDITOR} are limited to the token's customers,
 * and {@code AGENT} to exactly one.
 */
public enum Role {
    /** Customers, end users, devices, tokens, settings; and everything the other roles may do. */
    ADMIN,
    /** Start, decide and cancel verifications (and read them) for the token's customers. */
    TECHNICIAN,
    /** Read events and verifications of the token's customers; scrape metrics. */
    AUDITOR,
    /**
     * A directory agent inside one customer's network: it may push that customer's Active Directory
     * users (POST …/directory/agent/changes) and nothing else. Issued alone, for one customer.
     */
    AGENT
}
