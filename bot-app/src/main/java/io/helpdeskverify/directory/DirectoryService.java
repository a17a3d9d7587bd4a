package io.helpdeskverify.directory;

import io.helpdeskverify.directory.EndUser.Source;
import io.helpdeskverify.directory.PhoneNumbers.Parsed;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Customers and end users as the admin API and the importers change them: validation,
 * normalisation (lower-case keys, E.164 mobiles) and clear reasons for what is refused.
 */
public class DirectoryService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._'@+-]{1,128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]{1,64}@[^@\\s<>]{1,255}\\.[^@\\s<>]{2,63}");

    private final DirectoryRepository repository;
    private final PhoneNumbers phones;
    private final Clock clock;

    public DirectoryService(DirectoryRepository repository, PhoneNumbers phones, Clock clock) {
        this.repository = repository;
        this.phones = phones;
        this.clock = clock;
    }

    public Customer createCustomer(String slug, String name, List<String> emailDomains, String defaultRegion,
                                   CustomerPolicy policy) {
        var customer = validCustomer(slug, name, emailDomains, defaultRegion, policy);
        saved(repository.saveCustomer(customer, WriteMode.CREATE), "customer", slug);
        return customer;
    }

    public Customer updateCustomer(String slug, Optional<String> name, Optional<List<String>> emailDomains,
                                   Optional<String> defaultRegion, Optional<CustomerPolicy> policy) {
        var current = customer(slug);
        var next = validCustomer(current.slug(), name.orElse(current.name()), emailDomains.orElse(current.emailDomains()),
                defaultRegion.orElse(current.defaultRegion()), policy.orElse(current.policy()));
        saved(repository.saveCustomer(next, WriteMode.UPDATE), "customer", slug);
        return next;
    }

    public Customer customer(String slug) {
        return repository.customer(slug.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new DirectoryException.NotFound("No customer '" + slug + "'."));
    }

    /** A slug ({@code acme}) or one of the customer's email domains ({@code acme.com}). */
    public Optional<Customer> findCustomer(String slugOrDomain) {
        String key = slugOrDomain.strip().toLowerCase(Locale.ROOT);
        return repository.customer(key).or(() -> repository.customerByDomain(key));
    }

    public List<Customer> customers() {
        return repository.customers();
    }

    public EndUser createEndUser(String customerSlug, String username, String displayName, Optional<String> email,
                                 Optional<String> mobile, boolean enabled, Source source) {
        var customer = customer(customerSlug);
        var user = validEndUser(customer, username, displayName, email, mobile, enabled, source);
        saved(repository.saveEndUser(user, WriteMode.CREATE), "end user", username);
        return user;
    }

    /**
     * Changes the given fields. An empty string for email or mobile removes it; an absent field is
     * left as it is.
     */
    public EndUser updateEndUser(String customerSlug, String username, Optional<String> displayName,
                                 Optional<String> email, Optional<String> mobile, Optional<Boolean> enabled) {
        var customer = customer(customerSlug);
        var current = endUser(customer.slug(), username);
        var next = validEndUser(customer, current.username(), displayName.orElse(current.displayName()),
                email.isPresent() ? email.filter(e -> !e.isBlank()) : current.email(),
                mobile.isPresent() ? mobile.filter(m -> !m.isBlank()) : current.mobile(),
                enabled.orElse(current.enabled()), Source.MANUAL);
        saved(repository.saveEndUser(next, WriteMode.UPDATE), "end user", username);
        return next;
    }

    /** Creates or replaces one user; used by importers, which report the failure per row. */
    public SaveResult upsertEndUser(Customer customer, String username, String displayName, Optional<String> email,
                                    Optional<String> mobile, boolean enabled, Source source) {
        return repository.saveEndUser(validEndUser(customer, username, displayName, email, mobile, enabled, source),
                WriteMode.UPSERT);
    }

    public EndUser endUser(String customerSlug, String username) {
        return repository.endUser(customerSlug, username.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new DirectoryException.NotFound(
                        "No end user '" + username + "' at customer '" + customerSlug + "'."));
    }

    public List<EndUser> endUsers(String customerSlug) {
        return repository.endUsers(customer(customerSlug).slug());
    }

    private Customer validCustomer(String slug, String name, List<String> domains, String region, CustomerPolicy policy) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new DirectoryException.Invalid("slug",
                    "slug must be 1 to 63 lower-case letters, digits or hyphens, e.g. 'acme'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new DirectoryException.Invalid("name", "name is required (at most 200 characters)");
        }
        var normalised = new LinkedHashSet<String>();
        for (String d : domains == null ? List.<String>of() : domains) {
            String domain = d == null ? "" : d.strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(domain).matches()) {
                throw new DirectoryException.Invalid("emailDomains", "'" + d + "' is not an email domain like 'acme.com'");
            }
            normalised.add(domain);
        }
        String reg = region == null || region.isBlank() ? "US" : region.strip().toUpperCase(Locale.ROOT);
        if (!phones.isKnownRegion(reg)) {
            throw new DirectoryException.Invalid("defaultRegion", "'" + region + "' is not an ISO 3166 region code like 'US' or 'GB'");
        }
        return new Customer(slug, name.strip(), List.copyOf(normalised), reg, policy);
    }

    private EndUser validEndUser(Customer customer, String username, String displayName, Optional<String> email,
                                 Optional<String> mobile, boolean enabled, Source source) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(user).matches()) {
            throw new DirectoryException.Invalid("username",
                    "username is required: letters, digits and . _ ' @ + - only, at most 128 characters");
        }
        if (displayName != null && displayName.length() > 256) {
            throw new DirectoryException.Invalid("displayName", "displayName has at most 256 characters");
        }
        Optional<String> mail = email.map(String::strip).filter(e -> !e.isEmpty());
        if (mail.isPresent() && !EMAIL.matcher(mail.get()).matches()) {
            throw new DirectoryException.Invalid("email", "'" + mail.get() + "' is not an email address");
        }
        Optional<String> e164 = Optional.empty();
        if (mobile.isPresent() && !mobile.get().isBlank()) {
            var parsed = phones.normalize(mobile.get(), customer.defaultRegion());
            if (parsed instanceof Parsed.Invalid invalid) {
                throw new DirectoryException.Invalid("mobile", "mobile: " + invalid.reason());
            }
            e164 = Optional.of(((Parsed.Valid) parsed).e164());
        }
        return new EndUser(customer.slug(), user, displayName == null ? user : displayName.strip(),
                mail, e164, enabled, source, clock.instant());
    }

    private static void saved(SaveResult result, String what, String key) {
        // Java 17: no pattern matching in switch yet.
        if (result instanceof SaveResult.NotFound) {
            throw new DirectoryException.NotFound("No " + what + " '" + key + "'.");
        }
        if (result instanceof SaveResult.Conflict c) {
            throw new DirectoryException.Conflict("The " + c.field() + " '" + c.value() + "' is already taken"
                    + (c.field().equals("emailDomains") ? " by another customer." : "."));
        }
    }
}
