package io.helpdeskverify.tokens;

/**
 * What an API token may do. {@code ADMIN} includes the other two (the bootstrap token must be able
 * to do everything); {@code TECHNICIAN} and {@code AUDITOR} are limited to the token's customers.
 */
public enum Role {
    /** Customers, end users, devices, tokens, settings; and everything the other roles may do. */
    ADMIN,
    /** Start, decide and cancel verifications (and read them) for the token's customers. */
    TECHNICIAN,
    /** Read events and verifications of the token's customers; scrape metrics. */
    AUDITOR
}
