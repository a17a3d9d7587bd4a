package io.helpdeskverify.psa;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which PSA company a customer probably is, from its name and email domains. Suggested only where
 * it is unambiguous: exactly one candidate, not mapped to another customer, whose name is the
 * customer's or whose website has one of its domains. An admin still maps it (PATCH psaCompanies).
 */
@Component
public class CompanySuggestions {

    private final PsaConnections connections;
    private final DirectoryService directory;

    public CompanySuggestions(PsaConnections connections, DirectoryService directory) {
        this.connections = connections;
        this.directory = directory;
    }

    /** @param suggested the one company to map, when there is exactly one convincing candidate */
    public record Suggestion(List<PsaCompany> candidates, Optional<PsaCompany> suggested) {}

    public Suggestion forCustomer(PsaProvider provider, Customer customer) {
        var candidates = connections.of(provider).findCompanies(customer.name(), customer.emailDomains()).stream()
                .filter(c -> directory.customersOfPsaCompany(provider.id(), c.id()).stream()
                        .allMatch(other -> other.slug().equals(customer.slug())))
                .toList();
        var convincing = candidates.stream().filter(c -> c.name().equalsIgnoreCase(customer.name().strip())
                || customer.emailDomains().stream().anyMatch(d -> c.website().toLowerCase(Locale.ROOT).contains(d)))
                .toList();
        return new Suggestion(candidates, convincing.size() == 1 ? Optional.of(convincing.get(0)) : Optional.empty());
    }
}
