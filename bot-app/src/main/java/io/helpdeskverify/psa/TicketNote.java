package io.helpdeskverify.psa;

import java.util.Objects;
import java.util.Optional;

/**
 * An internal note for a ticket: never visible to the end user, never with a code in it.
 *
 * @param technicianEmail the technician's email where known, so the PSA can attribute the note
 *        (Autotask {@code ImpersonationResourceId}); empty writes it as the API user
 */
public record TicketNote(String ticketId, String title, String text, Optional<String> technicianEmail) {

    public TicketNote {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        technicianEmail = technicianEmail == null ? Optional.empty() : technicianEmail;
    }
}
