package io.helpdeskverify.directory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Optional;

/**
 * One of the MSP's customers. {@code slug} is what technicians type after the {@code @} in
 * {@code /verify jdoe@acme}; any of {@code emailDomains} works there too.
 *
 * @param defaultRegion ISO 3166 region used to read mobile numbers written without a country code
 * @param microsoftTenantId the customer's Microsoft 365 tenant once it consented to the MSP's app; empty otherwise
 * @param psaCompanies the customer's company ids in each PSA, by PSA id ({@code connectwise}: {@code company/id},
 *        {@code autotask}: {@code companyID}): a ticket of one of them is a ticket of this customer
 */
public record Customer(String slug, String name, List<String> emailDomains, String defaultRegion, CustomerPolicy policy,
                       Optional<String> microsoftTenantId, Map<String, List<String>> psaCompanies) {

    public Customer {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        emailDomains = List.copyOf(emailDomains);
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(policy, "policy");
        // Customers stored before the field existed read back with null.
        microsoftTenantId = microsoftTenantId == null ? Optional.empty() : microsoftTenantId;
        var companies = new TreeMap<String, List<String>>();
        (psaCompanies == null ? Map.<String, List<String>>of() : psaCompanies).forEach((psa, ids) -> {
            if (ids != null && !ids.isEmpty()) {
                companies.put(psa, List.copyOf(ids));
            }
        });
        psaCompanies = java.util.Collections.unmodifiableMap(companies);
    }

    /** A customer of the PSA company {@code companyId} in {@code psa}. */
    public boolean hasPsaCompany(String psa, String companyId) {
        return psaCompanies.getOrDefault(psa, List.of()).contains(companyId);
    }

    /** A customer not connected to Microsoft 365. */
    public Customer(String slug, String name, List<String> emailDomains, String defaultRegion, CustomerPolicy policy) {
        this(slug, name, emailDomains, defaultRegion, policy, Optional.empty(), Map.of());
    }

    public Customer withMicrosoftTenantId(Optional<String> tenantId) {
        return new Customer(slug, name, emailDomains, defaultRegion, policy, tenantId, psaCompanies);
    }

    public Customer withPsaCompanies(Map<String, List<String>> companies) {
        return new Customer(slug, name, emailDomains, defaultRegion, policy, microsoftTenantId, companies);
    }
}
