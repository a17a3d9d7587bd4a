package io.helpdeskverify.psa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verification started from a ticket: where its outcome is written back, and what the note says
 * about who was challenged (masked contacts only).
 *
 * @param matched the contact is an imported end user (the directory's contacts were used)
 * @param contact what the note says of the contact used, e.g. "Dana Lee, +1 ••• ••• ••76 (unmatched: …)"
 * @param remarks what the technician was told about the ticket's own contact fields, masked
 */
public record TicketLink(String verificationId, PsaProvider provider, String ticketId, String ticketNumber,
                         boolean matched, String contact, Optional<String> technicianEmail, List<String> remarks) {

    public TicketLink {
        Objects.requireNonNull(verificationId, "verificationId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(ticketId, "ticketId");
        ticketNumber = ticketNumber == null || ticketNumber.isBlank() ? ticketId : ticketNumber;
        contact = contact == null ? "" : contact;
        technicianEmail = technicianEmail == null ? Optional.empty() : technicianEmail;
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
    }
}
