package io.helpdeskverify.directory;

import io.helpdeskverify.directory.EndUser.Field;
import io.helpdeskverify.directory.EndUser.Source;
import io.helpdeskverify.directory.EndUser.Synced;
import io.helpdeskverify.directory.ExternalUser.Attribute;
import io.helpdeskverify.directory.PhoneNumbers.Parsed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies what Microsoft 365 (or an on-premises Active Directory) says about a customer's users to the directory. A user is found by
 * its object id, else linked to an unlinked user with the same username (the UPN) or email, else
 * created. Fields an admin set by hand stay as they are; the directory's values are kept beside
 * them ({@link EndUser#synced()}). A disabled account is kept but can never be verified.
 */
public class ExternalDirectory {

    public static final String BY_SYNC = "Microsoft 365 sync";
    public static final String BY_AD_SYNC = "Active Directory sync";

    private final DirectoryRepository repository;
    private final DirectoryService directory;
    private final Clock clock;

    public ExternalDirectory(DirectoryRepository repository, DirectoryService directory, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.clock = clock;
    }

    public ExternalResult apply(Customer customer, ExternalUser ext) {
        var current = find(customer, ext);
        if (current.isEmpty()) {
            var refused = refusedNewUser(customer, ext);
            if (refused.isPresent()) {
                return new ExternalResult.Rejected(refused.get());
            }
        }
        var problems = new ArrayList<String>();
        var next = merged(customer, ext, current, problems);
        if (current.isPresent() && sameContent(current.get(), next)) {
            return new ExternalResult.Unchanged(next.username(), problems);
        }
        var result = directory.write(current, next, current.isPresent() ? WriteMode.UPDATE : WriteMode.CREATE,
                by(ext.source()));
        if (result instanceof SaveResult.Conflict c) {
            return new ExternalResult.Rejected("the " + c.field() + " '" + c.value() + "' belongs to another user");
        }
        if (result instanceof SaveResult.NotFound) {
            return new ExternalResult.Rejected("the user was deleted while it was being updated");
        }
        return current.isPresent() ? new ExternalResult.Updated(next.username(), problems)
                : new ExternalResult.Added(next.username(), problems);
    }

    /** The account was deleted in (or removed from the scope of) its directory: keep it, disabled. */
    public boolean disable(Customer customer, String externalId) {
        var current = repository.endUserByExternalId(customer.slug(), externalId);
        if (current.isEmpty()) {
            return false;
        }
        var u = current.get();
        var synced = u.synced().map(s -> new Synced(s.displayName(), s.email(), s.mobile(), false))
                .orElse(new Synced(u.displayName(), u.email(), u.mobile(), false));
        if (!u.enabled() && u.synced().equals(Optional.of(synced))) {
            return false;
        }
        var next = new EndUser(u.customer(), u.username(), u.displayName(), u.email(), u.mobile(), false, u.source(),
                clock.instant(), u.externalId(), u.upn(), u.overrides(), Optional.of(synced), u.mobileChangedAt(),
                u.emailChangedAt(), u.accountName());
        return directory.write(current, next, WriteMode.UPDATE, by(u.source())) instanceof SaveResult.Saved;
    }

    /** Users linked to the customer's tenant and still enabled there. */
    public List<EndUser> enabledLinkedUsers(Customer customer) {
        return enabledLinkedUsers(customer, java.util.Set.of(Source.ENTRA_CLOUD, Source.AD_SYNCED));
    }

    /**
     * Users linked to one of the given directories and still enabled there: a full pass of one
     * directory may only disable the users that directory imported, never another's.
     */
    public List<EndUser> enabledLinkedUsers(Customer customer, java.util.Set<Source> from) {
        return repository.endUsers(customer.slug()).stream()
                .filter(u -> u.externalId().isPresent() && from.contains(u.source())
                        && u.synced().map(Synced::enabled).orElse(true))
                .toList();
    }

    private static String by(Source source) {
        return source == Source.AD_ONPREM ? BY_AD_SYNC : BY_SYNC;
    }

    private Optional<EndUser> find(Customer customer, ExternalUser ext) {
        var byId = repository.endUserByExternalId(customer.slug(), ext.externalId());
        if (byId.isPresent()) {
            return byId;
        }
        Optional<EndUser> byUpn = ext.upn().flatMap(upn -> repository.endUser(customer.slug(), lower(upn)))
                .filter(u -> u.externalId().isEmpty());
        if (byUpn.isPresent()) {
            return byUpn;
        }
        return ext.email().flatMap(e -> repository.endUserByEmail(customer.slug(), lower(e)))
                .filter(u -> u.externalId().isEmpty());
    }

    private Optional<String> refusedNewUser(Customer customer, ExternalUser ext) {
        String username = newUsername(ext);
        if (username.contains("#ext#")) {
            return Optional.of("guest account (" + ext.upn().orElse(username) + "): only the tenant's own members "
                    + "are imported");
        }
        if (!DirectoryService.isUsername(username)) {
            return Optional.of("the user principal name '" + username + "' cannot be a username here "
                    + "(letters, digits and . _ ' @ + - only, at most 128 characters)");
        }
        var taken = repository.endUser(customer.slug(), username);
        if (taken.isPresent()) {
            boolean takenOnPrem = taken.get().source() == Source.AD_ONPREM;
            String owner = takenOnPrem ? "Active Directory" : "Microsoft 365";
            if (takenOnPrem != (ext.source() == Source.AD_ONPREM)) {
                // The same person in both directories (AD synced to Microsoft 365): one end user, kept by the first.
                return Optional.of("the username '" + username + "' is already imported from " + owner + " ("
                        + taken.get().externalId().orElse("?") + "): one end user per person, so this directory's "
                        + "values for it are not used");
            }
            return Optional.of("the username '" + username + "' already belongs to another " + owner + " user ("
                    + taken.get().externalId().orElse("?") + ")");
        }
        return Optional.empty();
    }

    private EndUser merged(Customer customer, ExternalUser ext, Optional<EndUser> current, List<String> problems) {
        var before = current.flatMap(EndUser::synced)
                .or(() -> current.map(u -> new Synced(u.displayName(), u.email(), u.mobile(), u.enabled())));
        String username = current.map(EndUser::username).orElseGet(() -> newUsername(ext));
        String name = ext.has(Attribute.DISPLAY_NAME)
                ? ext.displayName().map(String::strip).filter(n -> !n.isEmpty()).map(n -> cut(n, 256)).orElse(username)
                : before.map(Synced::displayName).orElse(username);
        Optional<String> email = ext.has(Attribute.EMAIL) ? email(ext, problems)
                : before.flatMap(Synced::email);
        Optional<String> mobile = ext.has(Attribute.MOBILE) ? mobile(customer, ext, problems)
                : before.flatMap(Synced::mobile);
        boolean enabled = ext.has(Attribute.ENABLED) ? ext.enabled() : before.map(Synced::enabled).orElse(true);
        var synced = new Synced(name, email, mobile, enabled);

        var overrides = current.map(EndUser::overrides).orElse(java.util.Set.of());
        Source source = ext.has(Attribute.SOURCE) ? ext.source()
                : current.map(EndUser::source).filter(Source::isExternal).orElse(ext.source());
        Optional<String> upn = ext.has(Attribute.UPN) ? ext.upn() : current.flatMap(EndUser::upn);
        return new EndUser(customer.slug(), username,
                pick(overrides, Field.DISPLAY_NAME, current.map(EndUser::displayName), name),
                pick(overrides, Field.EMAIL, current.map(EndUser::email), email),
                pick(overrides, Field.MOBILE, current.map(EndUser::mobile), mobile),
                enabled && !overrides.contains(Field.ENABLED), source, clock.instant(), Optional.of(ext.externalId()),
                upn, overrides, Optional.of(synced),
                current.flatMap(EndUser::mobileChangedAt), current.flatMap(EndUser::emailChangedAt),
                ext.has(Attribute.ACCOUNT_NAME) ? ext.accountName().map(ExternalDirectory::lower)
                        : current.flatMap(EndUser::accountName));
    }

    private static Optional<String> email(ExternalUser ext, List<String> problems) {
        var email = ext.email().map(String::strip);
        if (email.isPresent() && !DirectoryService.isEmail(email.get())) {
            problems.add("email '" + cut(email.get(), 100) + "' is not an email address; imported without email");
            return Optional.empty();
        }
        return email;
    }

    private Optional<String> mobile(Customer customer, ExternalUser ext, List<String> problems) {
        var raw = ext.mobile().map(String::strip).filter(m -> !m.isEmpty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        var parsed = directory.normaliseMobile(raw.get(), customer);
        if (parsed instanceof Parsed.Invalid invalid) {
            problems.add((ext.source() == Source.AD_ONPREM ? "mobile '" : "mobilePhone '") + cut(raw.get(), 40) + "': " + invalid.reason() + "; imported without mobile");
            return Optional.empty();
        }
        return Optional.of(((Parsed.Valid) parsed).e164());
    }

    private static <T> T pick(java.util.Set<Field> overrides, Field field, Optional<T> manual, T synced) {
        return overrides.contains(field) && manual.isPresent() ? manual.get() : synced;
    }

    /** The UPN is what technicians know; without one (never from Graph's own answers) the object id. */
    private static String newUsername(ExternalUser ext) {
        return ext.upn().map(ExternalDirectory::lower).filter(u -> !u.isBlank()).orElse(lower(ext.externalId()));
    }

    private static boolean sameContent(EndUser a, EndUser b) {
        return a.equals(new EndUser(b.customer(), b.username(), b.displayName(), b.email(), b.mobile(), b.enabled(),
                b.source(), a.updatedAt(), b.externalId(), b.upn(), b.overrides(), b.synced(), b.mobileChangedAt(),
                b.emailChangedAt(), b.accountName()));
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
