package io.helpdeskverify.directory;

import java.util.List;
import java.util.Objects;

/**
 * One of the MSP's customers. {@code slug} is what technicians type after the {@code @} in
 * {@code /verify jdoe@acme}; any of {@code emailDomains} works there too.
 *
 * @param defaultRegion ISO 3166 region used to read mobile numbers written without a country code
 */
public record Customer(String slug, String name, List<String> emailDomains, String defaultRegion, CustomerPolicy policy) {

    public Customer {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        emailDomains = List.copyOf(emailDomains);
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(policy, "policy");
    }
}
