package io.helpdeskverify.psa;

import java.util.Map;
import java.util.Optional;

/**
 * The port of one PSA: fetch a ticket and its contact, write an internal note, check the
 * connection. Adapters only fetch and write; what a ticket means for a verification is decided
 * once, in {@link TicketVerifications}. Every call throws {@link PsaException} when it cannot answer.
 */
public interface PsaTickets {

    PsaProvider provider();

    /** Whether the settings are there; when not, every call throws {@code NOT_CONFIGURED}. */
    boolean configured();

    /** What is configured, secrets only as {@code "set"} or {@code "missing"}: safe to show an admin. */
    Map<String, String> settings();

    /** @param reference what a technician typed: a ticket id, or the PSA's own ticket number */
    PsaTicket ticket(String reference);

    PsaContact contact(String contactId);

    void addInternalNote(TicketNote note);

    /** Companies whose name starts with {@code name} or whose website has one of {@code domains}; a few at most. */
    java.util.List<PsaCompany> findCompanies(String name, java.util.List<String> domains);

    /** One cheap authenticated call: what the status endpoint and the health check report. */
    void testCall();

    /** Calls this instance made in the current hour, for a PSA that limits them per hour (Autotask). */
    Optional<Long> callsThisHour();
}
