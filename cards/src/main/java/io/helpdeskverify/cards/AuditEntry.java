package io.helpdeskverify.cards;

import java.time.Instant;
import java.util.Objects;

/**
 * One reply in the daily audit thread: an outcome, a fallback, a denial or a refused click.
 * {@code kind} is the headline as readers should see it ("Verified", "Fallback used",
 * "Refused: not the requesting technician"); the other strings are raw, as in the event.
 */
public record AuditEntry(
        Instant at,
        String kind,
        String endUser,
        String customer,
        String technician,
        String method,
        String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endUser, "endUser");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(detail, "detail");
    }
}
