package io.helpdeskverify.siem;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a SIEM receives the events: an HTTPS URL, for one customer's events or (customer empty)
 * every customer's. The signing secret is not part of it: it is read only to sign, never shown.
 */
public record WebhookDestination(String id, String url, Optional<String> customer, String description,
                                 Instant createdAt, String createdBy) {

    public WebhookDestination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(customer, "customer");
        description = description == null ? "" : description;
        Objects.requireNonNull(createdAt, "createdAt");
        createdBy = createdBy == null ? "" : createdBy;
    }

    /** Whether this destination receives an event of that customer (an MSP-wide one receives all). */
    public boolean receives(String eventCustomer) {
        return customer.map(c -> c.equals(eventCustomer)).orElse(true);
    }
}
