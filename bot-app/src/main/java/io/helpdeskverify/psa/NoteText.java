package io.helpdeskverify.psa;

import io.helpdeskverify.verification.Outcome;
import io.helpdeskverify.verification.Verification;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

/**
 * The internal note an auditor reads on the ticket: outcome, method, masked contact, technician,
 * start and end in UTC, matched or not, the verification id. Never a code: the verification holds
 * only a keyed hash of it, and a final one not even that.
 */
final class NoteText {

    private NoteText() {}

    static TicketNote of(Verification v, TicketLink link) {
        String outcome = v.outcome().map(Outcome::label).orElse(v.state().name());
        var lines = new ArrayList<String>();
        lines.add("Outcome: " + outcome + (v.reason().isBlank() ? "" : " (" + v.reason() + ")"));
        lines.add("Method: " + v.method().label());
        lines.add("Contact: " + link.contact());
        lines.add("Matched: " + (link.matched() ? "yes, an imported end user" : "no, contact details from the PSA"));
        lines.add("Technician: " + v.technician().name() + " (" + v.technician().key() + ")");
        lines.add("Started: " + v.createdAt().truncatedTo(ChronoUnit.SECONDS) + " (UTC)");
        lines.add("Ended: " + v.decidedAt().map(t -> t.truncatedTo(ChronoUnit.SECONDS) + " (UTC)").orElse("-"));
        lines.add("Verification id: " + v.id());
        link.remarks().forEach(r -> lines.add("Note: " + r));
        return new TicketNote(link.ticketId(), "Caller identity verification: " + outcome, String.join("\n", lines),
                link.technicianEmail());
    }
}
