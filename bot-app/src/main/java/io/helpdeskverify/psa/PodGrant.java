package io.helpdeskverify.psa;

import io.helpdeskverify.verification.Technician;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who a page session acts as, and on which customers: a technician opening the page must not reach
 * customers the credential they came with could not.
 *
 * @param customers slugs, or {@code "*"} for every customer
 */
public record PodGrant(Technician technician, Set<String> customers) {

    public static final String EVERY_CUSTOMER = "*";

    public PodGrant {
        Objects.requireNonNull(technician, "technician");
        customers = customers == null ? Set.of() : Set.copyOf(customers);
    }

    public boolean covers(String slug) {
        return customers.contains(EVERY_CUSTOMER) || customers.contains(slug.toLowerCase(Locale.ROOT));
    }
}
