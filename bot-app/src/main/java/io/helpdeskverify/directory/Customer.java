package io.helpdeskverify.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the MSP's customers. {@code slug} is what technicians type after the {@code @} in
 * {@code /verify jdoe@acme}; any of {@code emailDomains} works there too.
 *
 * @param defaultRegion ISO 3166 region used to read mobile numbers written without a country code
 * @param microsoftTenantId the customer's Microsoft 365 tenant once it consented to the MSP's app; empty otherwise
 */
public record Customer(String slug, String name, List<String> emailDomains, String defaultRegion, CustomerPolicy policy,
                       Optional<String> microsoftTenantId) {

    public Customer {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        emailDomains = List.copyOf(emailDomains);
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(policy, "policy");
        // Customers stored before the field existed read back with null.
        microsoftTenantId = microsoftTenantId == null ? Optional.empty() : microsoftTenantId;
    }

    /** A customer not connected to Microsoft 365. */
    public Customer(String slug, String name, List<String> emailDomains, String defaultRegion, CustomerPolicy policy) {
        this(slug, name, emailDomains, defaultRegion, policy, Optional.empty());
    }

    public Customer withMicrosoftTenantId(Optional<String> tenantId) {
        return new Customer(slug, name, emailDomains, defaultRegion, policy, tenantId);
    }
}
