package io.helpdeskverify.psa;

import java.util.Objects;
import java.util.Optional;

/**
 * A ticket as the PSA holds it, reduced to what a verification needs.
 *
 * @param id the PSA's record id (ConnectWise ticket id, Autotask ticket id): notes are written to it
 * @param number what technicians see (ConnectWise: the id again; Autotask: {@code T20240115.0023})
 * @param onTicket contact details typed on the ticket itself, which may differ from the contact record
 */
public record PsaTicket(PsaProvider provider, String id, String number, String summary, String companyId,
                        String companyName, Optional<String> contactId, TicketContact onTicket) {

    public PsaTicket {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        number = number == null || number.isBlank() ? id : number;
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(companyId, "companyId");
        companyName = companyName == null ? "" : companyName;
        contactId = contactId == null ? Optional.empty() : contactId;
        onTicket = onTicket == null ? TicketContact.NONE : onTicket;
    }

    /** ConnectWise's {@code contactName}, {@code contactEmailAddress}, {@code contactPhoneNumber}. */
    public record TicketContact(String name, Optional<String> email, Optional<String> phone) {
        public static final TicketContact NONE = new TicketContact("", Optional.empty(), Optional.empty());

        public TicketContact {
            name = name == null ? "" : name;
            email = email == null ? Optional.empty() : email.filter(e -> !e.isBlank());
            phone = phone == null ? Optional.empty() : phone.filter(p -> !p.isBlank());
        }
    }
}
