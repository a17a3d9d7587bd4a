package io.helpdeskverify.psa;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.EndUser;
import java.util.List;

/** Who a ticket's contact is for a verification, or why nobody can be verified from it. */
public sealed interface TicketResolution {

    /** Someone to verify: an imported end user, or the PSA contact itself. */
    sealed interface Subject extends TicketResolution permits Matched, Unmatched {
        PsaTicket ticket();

        Customer customer();

        EndUser user();

        /** What the technician must know about the contact fields (masked), e.g. the ticket's differ from the record's. */
        List<String> remarks();
    }

    /** The contact is one of the customer's imported end users: the directory's contacts are used. */
    record Matched(PsaTicket ticket, Customer customer, EndUser user, List<String> remarks) implements Subject {}

    /** No imported end user: the contact's own email and mobile from the PSA, as an ad-hoc end user. */
    record Unmatched(PsaTicket ticket, Customer customer, EndUser user, List<String> remarks) implements Subject {}

    /** Several imported end users match the contact: the technician picks one. */
    record Several(PsaTicket ticket, Customer customer, List<EndUser> users) implements TicketResolution {}

    /** @param advice what to fix, for the technician or their admin */
    record Refused(Reason reason, String title, String advice) implements TicketResolution {}

    enum Reason {
        /** The PSA is not configured, refused our credentials or the request. */
        PSA_NOT_CONNECTED,
        /** The PSA did not answer, still after the retries. */
        PSA_UNAVAILABLE,
        /** No such ticket or contact. */
        NOT_FOUND,
        /** The ticket's company is mapped to no customer (the technician may verify). */
        UNMAPPED_COMPANY,
        /** Not someone to verify: no contact, inactive, disabled in the directory, no usable contact method. */
        CONTACT_NOT_VERIFIABLE,
        /** Unmatched, and the customer's policy forbids it. */
        UNMATCHED_FORBIDDEN
    }
}
