package io.helpdeskverify.directory;

import io.helpdeskverify.directory.EndUser.Field;
import io.helpdeskverify.directory.EndUser.Source;
import io.helpdeskverify.directory.PhoneNumbers.Parsed;
import io.helpdeskverify.events.EventLog;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Customers and end users as the admin API and the importers change them: validation,
 * normalisation (lower-case keys, E.164 mobiles) and clear reasons for what is refused.
 *
 * <p>What an admin sets by hand (here or by CSV) on a user that Microsoft 365 manages becomes an
 * override the sync leaves alone until {@link #clearOverrides} restores the directory's value.
 */
public class DirectoryService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern PSA_COMPANY = Pattern.compile("\\d{1,18}");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._'@+-]{1,128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]{1,64}@[^@\\s<>]{1,255}\\.[^@\\s<>]{2,63}");
    /** A tenant GUID or one of its domains ({@code contoso.onmicrosoft.com}). */
    private static final Pattern TENANT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|" + DOMAIN.pattern());
    static final String BY_ADMIN = "admin API";
    static final String BY_CSV = "CSV import";

    private final DirectoryRepository repository;
    private final PhoneNumbers phones;
    private final ContactChanges contactChanges;
    private final DeviceRevocations revocations;
    private final Clock clock;

    public DirectoryService(DirectoryRepository repository, PhoneNumbers phones, EventLog events, Clock clock) {
        this.repository = repository;
        this.phones = phones;
        this.contactChanges = new ContactChanges(events, clock);
        this.revocations = new DeviceRevocations(repository, events, clock);
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
                defaultRegion.orElse(current.defaultRegion()), policy.orElse(current.policy()))
                .withMicrosoftTenantId(current.microsoftTenantId()).withPsaCompanies(current.psaCompanies());
        saved(repository.saveCustomer(next, WriteMode.UPDATE), "customer", slug);
        return next;
    }

    /**
     * Replaces the customer's PSA company ids for the PSAs named (an empty list removes one). A PSA
     * company belongs to one customer, or its tickets would have two.
     */
    public Customer setPsaCompanies(String slug, Map<String, List<String>> companies) {
        var updated = customer(slug).withPsaCompanies(checkedPsaCompanies(slug, companies));
        saved(repository.saveCustomer(updated, WriteMode.UPDATE), "customer", slug);
        return updated;
    }

    /** The customer's PSA companies after this change, checked but not written: so a caller can refuse before any write. */
    public Map<String, List<String>> checkedPsaCompanies(String slug, Map<String, List<String>> companies) {
        var current = customer(slug);
        var next = new java.util.TreeMap<>(current.psaCompanies());
        companies.forEach((psa, ids) -> {
            var clean = new LinkedHashSet<String>();
            for (String id : ids == null ? List.<String>of() : ids) {
                String v = id == null ? "" : id.strip();
                if (!PSA_COMPANY.matcher(v).matches()) {
                    throw new DirectoryException.Invalid("psaCompanies", "'" + id + "' is not a " + psa
                            + " company id: use the number from the PSA (ConnectWise company/id, Autotask companyID)");
                }
                clean.add(v);
            }
            for (String id : clean) {
                var owner = repository.customers().stream()
                        .filter(c -> !c.slug().equals(current.slug()) && c.hasPsaCompany(psa, id)).findFirst();
                if (owner.isPresent()) {
                    throw new DirectoryException.Conflict("The " + psa + " company " + id
                            + " is already mapped to customer '" + owner.get().slug() + "'.");
                }
            }
            next.put(psa, List.copyOf(clean));
        });
        return next;
    }

    /** The customers mapped to this PSA company: one, or none; several only if stored before the check. */
    public List<Customer> customersOfPsaCompany(String psa, String companyId) {
        return repository.customers().stream().filter(c -> c.hasPsaCompany(psa, companyId)).toList();
    }

    /**
     * Records (or with an empty value removes) the Microsoft 365 tenant a customer consented from.
     * One tenant belongs to one customer, or its users would be imported twice.
     */
    public Customer setMicrosoftTenant(String slug, Optional<String> tenantId) {
        var current = customer(slug);
        var tenant = tenantId.map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty());
        if (tenant.isPresent() && !TENANT.matcher(tenant.get()).matches()) {
            throw new DirectoryException.Invalid("microsoftTenantId", "'" + tenantId.get() + "' is not a Microsoft 365 "
                    + "tenant id: use the directory (tenant) id GUID from Entra ID, or the tenant's domain like "
                    + "'contoso.onmicrosoft.com'");
        }
        var owner = tenant.flatMap(t -> repository.customers().stream()
                .filter(c -> !c.slug().equals(current.slug()) && c.microsoftTenantId().equals(tenant)).findFirst());
        if (owner.isPresent()) {
            throw new DirectoryException.Conflict("The Microsoft 365 tenant '" + tenant.get()
                    + "' is already connected to customer '" + owner.get().slug() + "'.");
        }
        var next = current.withMicrosoftTenantId(tenant);
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
        var user = withOverrides(validEndUser(customer, username, displayName, email, mobile, enabled, source),
                handSet(displayName, email, mobile, enabled));
        saved(repository.saveEndUser(user, WriteMode.CREATE), "end user", username);
        return user;
    }

    /**
     * Changes the given fields. An empty string for email or mobile removes it; an absent field is
     * left as it is. Every given field becomes an override of what Microsoft 365 says.
     */
    public EndUser updateEndUser(String customerSlug, String username, Optional<String> displayName,
                                 Optional<String> email, Optional<String> mobile, Optional<Boolean> enabled) {
        var customer = customer(customerSlug);
        var current = endUser(customer.slug(), username);
        var valid = validEndUser(customer, current.username(), displayName.orElse(current.displayName()),
                email.isPresent() ? email.filter(e -> !e.isBlank()) : current.email(),
                mobile.isPresent() ? mobile.filter(m -> !m.isBlank()) : current.mobile(),
                enabled.orElse(current.enabled()), current.source().isExternal() ? current.source() : Source.MANUAL);
        var overrides = EnumSet.noneOf(Field.class);
        overrides.addAll(current.overrides());
        displayName.ifPresent(d -> overrides.add(Field.DISPLAY_NAME));
        email.ifPresent(e -> overrides.add(Field.EMAIL));
        mobile.ifPresent(m -> overrides.add(Field.MOBILE));
        // "Enabled" by hand cannot re-enable an account Microsoft 365 disabled: it only lifts a manual disable.
        enabled.ifPresent(on -> {
            if (on) {
                overrides.remove(Field.ENABLED);
            } else {
                overrides.add(Field.ENABLED);
            }
        });
        boolean effectiveEnabled = enabled.orElse(current.enabled())
                && current.synced().map(EndUser.Synced::enabled).orElse(true);
        var next = linked(valid, current, overrides, effectiveEnabled);
        return save(Optional.of(current), next, WriteMode.UPDATE, BY_ADMIN);
    }

    /**
     * Creates or replaces one user; used by importers, which report the failure per row. On a user
     * that Microsoft 365 manages, the given values become overrides and empty ones change nothing.
     */
    public SaveResult upsertEndUser(Customer customer, String username, String displayName, Optional<String> email,
                                    Optional<String> mobile, boolean enabled, Source source) {
        return upsertEndUser(customer, username, displayName, email, mobile, enabled, source, Optional.empty());
    }

    /**
     * As above, with the groups an admin gives the user (the CSV {@code groups} column): present replaces
     * the user's admin-given groups (an empty list clears them), empty keeps them. A directory's own
     * groups are never touched: the next sync would say them again.
     */
    public SaveResult upsertEndUser(Customer customer, String username, String displayName, Optional<String> email,
                                    Optional<String> mobile, boolean enabled, Source source,
                                    Optional<List<EndUser.Group>> groups) {
        var current = repository.endUser(customer.slug(), username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
        var given = groups.orElseGet(() -> current.map(EndUser::groups).orElse(List.of()));
        var valid = validEndUser(customer, username, displayName, email, mobile, enabled, source).withGroups(given);
        EndUser next;
        if (current.isPresent() && current.get().source().isExternal()) {
            var c = current.get();
            var overrides = EnumSet.noneOf(Field.class);
            overrides.addAll(c.overrides());
            overrides.addAll(handSet(displayName, email, mobile, enabled));
            var merged = new EndUser(c.customer(), c.username(),
                    displayName == null || displayName.isBlank() ? c.displayName() : valid.displayName(),
                    valid.email().or(c::email), valid.mobile().or(c::mobile), c.enabled(), c.source(),
                    valid.updatedAt());
            next = linked(merged, c, overrides, c.enabled() && enabled).withGroups(given);
        } else {
            next = withOverrides(valid, handSet(displayName, email, mobile, enabled));
        }
        return write(current, next, WriteMode.UPSERT, source == Source.CSV ? BY_CSV : BY_ADMIN);
    }

    /**
     * Drops the given overrides (all when empty) and puts back what Microsoft 365 last said for
     * those fields. A user no external directory manages just forgets the marks.
     */
    public EndUser clearOverrides(String customerSlug, String username, Set<Field> fields) {
        var current = endUser(customerSlug, username);
        Set<Field> clear = fields.isEmpty() ? EnumSet.allOf(Field.class) : fields;
        var overrides = EnumSet.noneOf(Field.class);
        overrides.addAll(current.overrides());
        overrides.removeAll(clear);
        var synced = current.synced();
        var next = new EndUser(current.customer(), current.username(),
                restore(clear, Field.DISPLAY_NAME, synced.map(EndUser.Synced::displayName), current.displayName()),
                restore(clear, Field.EMAIL, synced.map(EndUser.Synced::email), current.email()),
                restore(clear, Field.MOBILE, synced.map(EndUser.Synced::mobile), current.mobile()),
                synced.isPresent() && clear.contains(Field.ENABLED) ? synced.get().enabled() : current.enabled(),
                current.source(), clock.instant(), current.externalId(), current.upn(), overrides, synced,
                current.mobileChangedAt(), current.emailChangedAt(), current.accountName(), current.links(),
                current.groups());
        return save(Optional.of(current), next, WriteMode.UPDATE, BY_ADMIN);
    }

    /**
     * Stores a user, stamping and recording a changed mobile or email (see {@link ContactRisk}), and
     * revoking the devices of a disabled one. Every write of a user goes through here or {@link #write}.
     */
    EndUser save(Optional<EndUser> before, EndUser next, WriteMode mode, String actor) {
        saved(write(before, next, mode, actor), "end user", next.username());
        return repository.endUser(next.customer(), next.username()).orElse(next);
    }

    SaveResult write(Optional<EndUser> before, EndUser next, WriteMode mode, String actor) {
        var stamped = contactChanges.stamp(before, next);
        var result = mode == WriteMode.UPDATE_IF_UNCHANGED && before.isPresent()
                ? repository.replaceEndUser(stamped, before.get().updatedAt())
                : repository.saveEndUser(stamped, mode == WriteMode.UPDATE_IF_UNCHANGED ? WriteMode.UPDATE : mode);
        if (result instanceof SaveResult.Saved) {
            contactChanges.record(before, stamped, actor);
            // A disabled account must not keep a phone that can approve checks. Run on every write of a
            // disabled user, not only the one that disabled it: it costs one read when nothing is left, and
            // a device that slipped in (an older instance, a crash between the two writes) goes too.
            if (!stamped.enabled()) {
                revocations.revokeAll(stamped.customer(), stamped.username(), actor,
                        "because the user was disabled by " + actor);
            }
        }
        return result;
    }

    public EndUser endUser(String customerSlug, String username) {
        return repository.endUser(customerSlug, username.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new DirectoryException.NotFound(
                        "No end user '" + username + "' at customer '" + customerSlug + "'."));
    }

    /** The end user with this email (case-insensitive) at the customer, enabled or not. */
    public Optional<EndUser> findEndUserByEmail(String customerSlug, String email) {
        return repository.endUserByEmail(customerSlug, email.strip());
    }

    public List<EndUser> endUsers(String customerSlug) {
        return repository.endUsers(customer(customerSlug).slug());
    }

    /** The mobile in E.164, or why it cannot be used. */
    Parsed normaliseMobile(String raw, Customer customer) {
        return phones.normalize(raw, customer.defaultRegion());
    }

    public static boolean isEmail(String email) {
        return EMAIL.matcher(email).matches();
    }

    static boolean isUsername(String username) {
        return USERNAME.matcher(username).matches();
    }

    private static <T> T restore(Set<Field> clear, Field field, Optional<T> synced, T current) {
        return clear.contains(field) && synced.isPresent() ? synced.get() : current;
    }

    /** The external-directory link of {@code current} carried over to {@code next}. */
    private static EndUser linked(EndUser next, EndUser current, Set<Field> overrides, boolean enabled) {
        return new EndUser(next.customer(), next.username(), next.displayName(), next.email(), next.mobile(), enabled,
                next.source(), next.updatedAt(), current.externalId(), current.upn(), overrides, current.synced(),
                current.mobileChangedAt(), current.emailChangedAt(), current.accountName(), current.links(),
                current.groups());
    }

    private static EndUser withOverrides(EndUser user, Set<Field> overrides) {
        return new EndUser(user.customer(), user.username(), user.displayName(), user.email(), user.mobile(),
                user.enabled(), user.source(), user.updatedAt(), user.externalId(), user.upn(), overrides,
                user.synced(), user.mobileChangedAt(), user.emailChangedAt(), user.accountName(), user.links(),
                user.groups());
    }

    /** The fields an admin actually filled in: those win if Microsoft 365 later manages the user. */
    private static Set<Field> handSet(String displayName, Optional<String> email, Optional<String> mobile,
                                      boolean enabled) {
        var fields = EnumSet.noneOf(Field.class);
        if (displayName != null && !displayName.isBlank()) {
            fields.add(Field.DISPLAY_NAME);
        }
        if (email.filter(e -> !e.isBlank()).isPresent()) {
            fields.add(Field.EMAIL);
        }
        if (mobile.filter(m -> !m.isBlank()).isPresent()) {
            fields.add(Field.MOBILE);
        }
        if (!enabled) {
            fields.add(Field.ENABLED);
        }
        return fields;
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
        return new Customer(slug, name.strip(), List.copyOf(normalised), reg, policy, Optional.empty(), Map.of());
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
