package io.helpdeskverify.directory;

import io.helpdeskverify.directory.EndUser.Directory;
import io.helpdeskverify.directory.EndUser.Field;
import io.helpdeskverify.directory.EndUser.Link;
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

    /** At most this many groups of one user per directory (AD's token limit is about 1000 groups too). */
    public static final int MAX_GROUPS = 1000;

    /** Reads and merges again after a concurrent write this many times at most, then writes regardless. */
    private static final int ATTEMPTS = 5;

    private final DirectoryRepository repository;
    private final DirectoryService directory;
    private final Clock clock;

    public ExternalDirectory(DirectoryRepository repository, DirectoryService directory, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.clock = clock;
    }

    public ExternalResult apply(Customer customer, ExternalUser ext) {
        for (int attempt = 1; ; attempt++) {
            var result = applyOnce(customer, ext, attempt < ATTEMPTS);
            if (result.isPresent()) {
                return result.get();
            }
        }
    }

    /**
     * Empty when another writer got there first (the other directory's sync of the same person, or both
     * creating them at once): read and merge again. The last attempt writes without comparing.
     */
    private Optional<ExternalResult> applyOnce(Customer customer, ExternalUser ext, boolean compare) {
        Directory from = Directory.of(ext.source());
        var current = find(customer, ext, from);
        if (current.isEmpty()) {
            var refused = refusedNewUser(customer, ext);
            if (refused.isPresent()) {
                return Optional.of(new ExternalResult.Rejected(refused.get()));
            }
        }
        var problems = new ArrayList<String>();
        var next = withoutForeignAnchor(customer, merged(customer, ext, from, current, problems), problems);
        if (current.isPresent() && sameContent(current.get(), next)) {
            return Optional.of(new ExternalResult.Unchanged(next.username(), problems));
        }
        var mode = current.isEmpty() ? WriteMode.CREATE : compare ? WriteMode.UPDATE_IF_UNCHANGED : WriteMode.UPDATE;
        var result = directory.write(current, next, mode, by(ext.source()));
        if (result instanceof SaveResult.Stale
                || (compare && result instanceof SaveResult.Conflict c && c.field().equals("username"))) {
            return Optional.empty();
        }
        if (result instanceof SaveResult.Conflict c) {
            return Optional.of(new ExternalResult.Rejected("the " + c.field() + " '" + c.value()
                    + "' belongs to another user"));
        }
        if (result instanceof SaveResult.NotFound) {
            return Optional.of(new ExternalResult.Rejected("the user was deleted while it was being updated"));
        }
        return Optional.of(current.isPresent() ? new ExternalResult.Updated(next.username(), problems)
                : new ExternalResult.Added(next.username(), problems));
    }

    /** What taking a user out of one directory did. */
    public enum Removal {
        /** It was that directory's only user: kept, disabled. */
        DISABLED,
        /** Another directory still has the person: only this directory's link went (and maybe its disable). */
        SOURCE_REMOVED,
        NOTHING
    }

    /**
     * The account was deleted in (or removed from the scope of) one directory. A person another
     * directory still has loses only this directory's link; one no directory has any more is kept, disabled.
     */
    public Removal remove(Customer customer, Directory from, String externalId) {
        for (int attempt = 1; ; attempt++) {
            var removal = removeOnce(customer, from, externalId, attempt < ATTEMPTS);
            if (removal.isPresent()) {
                return removal.get();
            }
        }
    }

    private Optional<Removal> removeOnce(Customer customer, Directory from, String externalId, boolean compare) {
        var mode = compare ? WriteMode.UPDATE_IF_UNCHANGED : WriteMode.UPDATE;
        var current = repository.endUserByExternalId(customer.slug(), externalId);
        var link = current.flatMap(u -> u.link(from)).filter(l -> l.externalId().equals(externalId));
        if (link.isEmpty()) {
            return Optional.of(Removal.NOTHING);
        }
        var u = current.get();
        var base = u.synced().orElse(new Synced(u.displayName(), u.email(), u.mobile(), u.enabled()));
        if (u.links().size() > 1) {
            var rest = u.links().stream().filter(l -> l.directory() != from).toList();
            boolean enabled = rest.stream().allMatch(l -> l.seen().enabled());
            var synced = new Synced(base.displayName(), base.email(), base.mobile(), enabled);
            var next = u.withLinks(rest, Optional.of(synced), enabled && !u.overrides().contains(Field.ENABLED),
                    clock.instant());
            var saved = directory.write(current, next, mode, by(link.get().source()));
            if (saved instanceof SaveResult.Stale) {
                return Optional.empty();
            }
            return Optional.of(!(saved instanceof SaveResult.Saved) ? Removal.NOTHING
                    : u.enabled() && !next.enabled() ? Removal.DISABLED : Removal.SOURCE_REMOVED);
        }
        var l = link.get();
        var seen = new Synced(l.seen().displayName(), l.seen().email(), l.seen().mobile(), false);
        var synced = new Synced(base.displayName(), base.email(), base.mobile(), false);
        if (!u.enabled() && u.synced().equals(Optional.of(synced)) && l.seen().equals(seen)) {
            return Optional.of(Removal.NOTHING);
        }
        var next = u.withLinks(List.of(new Link(l.directory(), l.externalId(), l.source(), seen, l.onPremisesGuid(),
                        l.groups())),
                Optional.of(synced), false, clock.instant());
        var saved = directory.write(current, next, mode, by(u.source()));
        if (saved instanceof SaveResult.Stale) {
            return Optional.empty();
        }
        return Optional.of(saved instanceof SaveResult.Saved ? Removal.DISABLED : Removal.NOTHING);
    }

    /**
     * The ids of one directory's users that a full pass of it must see again: those still enabled
     * there, and every one another directory also has (not seen means: drop that directory's link).
     * A full pass of one directory never touches the users only another directory has.
     */
    public List<String> linkedIds(Customer customer, Directory of) {
        return repository.endUsers(customer.slug()).stream()
                .flatMap(u -> u.link(of).filter(l -> l.seen().enabled() || u.links().size() > 1).stream())
                .map(Link::externalId)
                .toList();
    }

    private static String by(Source source) {
        return source == Source.AD_ONPREM ? BY_AD_SYNC : BY_SYNC;
    }

    /**
     * The user this directory's record is about: by its id (or, for AD, the objectGUID a Microsoft 365
     * account says it is synced from), then by the AD account a Microsoft 365 account names, then a user
     * no directory of this kind has yet with the same UPN, then an unlinked (manual, CSV) user with the same email.
     */
    private Optional<EndUser> find(Customer customer, ExternalUser ext, Directory dir) {
        String slug = customer.slug();
        var byId = repository.endUserByExternalId(slug, ext.externalId())
                .filter(u -> u.link(dir).map(l -> l.externalId().equals(ext.externalId())).orElse(true));
        if (byId.isPresent()) {
            return byId;
        }
        Optional<EndUser> byGuid = ext.onPremisesGuid()
                .flatMap(g -> repository.endUserByExternalId(slug, g))
                .filter(u -> u.link(dir).isEmpty());
        if (byGuid.isPresent()) {
            return byGuid;
        }
        Optional<EndUser> byUpn = ext.upn().flatMap(upn -> repository.endUser(slug, lower(upn)))
                .filter(u -> u.link(dir).isEmpty());
        if (byUpn.isPresent()) {
            return byUpn;
        }
        return ext.email().flatMap(e -> repository.endUserByEmail(slug, lower(e)))
                .filter(u -> u.links().isEmpty());
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
            // find() links a user this directory has no link to yet: this one is another account of the same directory.
            String owner = ext.source() == Source.AD_ONPREM ? "Active Directory" : "Microsoft 365";
            return Optional.of("the username '" + username + "' already belongs to another " + owner + " user ("
                    + taken.get().link(Directory.of(ext.source())).map(Link::externalId).orElse("?") + ")");
        }
        return Optional.empty();
    }

    /**
     * The user after this directory's record. Each directory's own last values are kept on its link,
     * so a value counts as changed only when this directory's value moved since it last said it: the
     * directory that last changed a contact wins, and one that merely repeats an old value does not take
     * it back. A directory newly linked to a person another directory has fills only what is empty (which
     * of two differing values is newer is not known); a difference is reported, and its next change wins.
     * Enabled only while every directory that has the person has the account enabled.
     */
    private EndUser merged(Customer customer, ExternalUser ext, Directory dir, Optional<EndUser> current,
                           List<String> problems) {
        var link = current.flatMap(u -> u.link(dir));
        var combinedBefore = current.flatMap(EndUser::synced)
                .or(() -> current.map(u -> new Synced(u.displayName(), u.email(), u.mobile(), u.enabled())));
        // What this directory said before, for the attributes a delta page does not send.
        var before = link.map(Link::seen).or(() -> combinedBefore);
        String username = current.map(EndUser::username).orElseGet(() -> newUsername(ext));
        String name = ext.has(Attribute.DISPLAY_NAME)
                ? ext.displayName().map(String::strip).filter(n -> !n.isEmpty()).map(n -> cut(n, 256)).orElse(username)
                : before.map(Synced::displayName).orElse(username);
        Optional<String> email = ext.has(Attribute.EMAIL) ? email(ext, problems)
                : before.flatMap(Synced::email);
        Optional<String> mobile = ext.has(Attribute.MOBILE) ? mobile(customer, ext, problems)
                : before.flatMap(Synced::mobile);
        boolean enabled = ext.has(Attribute.ENABLED) ? ext.enabled() : before.map(Synced::enabled).orElse(true);
        var seen = new Synced(name, email, mobile, enabled);

        Source source = ext.has(Attribute.SOURCE) ? ext.source()
                : link.map(Link::source).orElse(ext.source());
        Optional<String> anchor = ext.has(Attribute.ON_PREMISES_ID) ? ext.onPremisesGuid()
                : link.flatMap(Link::onPremisesGuid);
        // A delta page that says nothing of the groups leaves the ones this directory said before.
        var groups = ext.has(Attribute.GROUPS) ? ext.groups() : link.map(Link::groups).orElse(List.of());
        if (groups.size() > MAX_GROUPS) {
            // Kept inside the user's stored record: bounded, and said, since a group left out cannot match a policy.
            problems.add(groups.size() + " groups: only the first " + MAX_GROUPS + " are kept");
            groups = groups.subList(0, MAX_GROUPS);
        }
        var nextLink = new Link(dir, ext.externalId(), source, seen, anchor, groups);
        var links = new ArrayList<Link>();
        current.ifPresent(u -> u.links().forEach(l -> links.add(l.directory() == dir ? nextLink : l)));
        if (link.isEmpty()) {
            links.add(nextLink);
        }
        var others = current.map(EndUser::links).orElse(List.of()).stream()
                .filter(l -> l.directory() != dir).toList();

        Synced combined;
        if (link.isPresent() && combinedBefore.isPresent()) {
            var last = link.get().seen();
            var was = combinedBefore.get();
            combined = new Synced(
                    name.equals(last.displayName()) ? was.displayName() : name,
                    email.equals(last.email()) ? was.email() : email,
                    mobile.equals(last.mobile()) ? was.mobile() : mobile,
                    enabled);
        } else if (!others.isEmpty() && combinedBefore.isPresent()) {
            var was = combinedBefore.get();
            String other = others.get(0).directory() == Directory.GRAPH ? "Microsoft 365" : "Active Directory";
            differs(problems, "mobile", was.mobile(), mobile, Masking::phone, other);
            differs(problems, "email", was.email(), email, Masking::email, other);
            combined = new Synced(was.displayName(), was.email().or(() -> email), was.mobile().or(() -> mobile), enabled);
        } else {
            // A new user, or a manual or CSV one this directory now takes over: its values, as they are.
            combined = seen;
        }
        boolean everyEnabled = enabled && others.stream().allMatch(l -> l.seen().enabled());
        combined = new Synced(combined.displayName(), combined.email(), combined.mobile(), everyEnabled);

        var overrides = current.map(EndUser::overrides).orElse(java.util.Set.of());
        // The UPN follows the first directory that has the person, so two spellings do not take turns.
        boolean first = links.get(0).directory() == dir;
        Optional<String> upn = ext.has(Attribute.UPN) && (first || current.flatMap(EndUser::upn).isEmpty())
                ? ext.upn() : current.flatMap(EndUser::upn);
        return new EndUser(customer.slug(), username,
                pick(overrides, Field.DISPLAY_NAME, current.map(EndUser::displayName), combined.displayName()),
                pick(overrides, Field.EMAIL, current.map(EndUser::email), combined.email()),
                pick(overrides, Field.MOBILE, current.map(EndUser::mobile), combined.mobile()),
                everyEnabled && !overrides.contains(Field.ENABLED), source, clock.instant(),
                Optional.of(links.get(0).externalId()), upn, overrides, Optional.of(combined),
                current.flatMap(EndUser::mobileChangedAt), current.flatMap(EndUser::emailChangedAt),
                ext.has(Attribute.ACCOUNT_NAME) ? ext.accountName().map(ExternalDirectory::lower)
                        : current.flatMap(EndUser::accountName), links,
                current.map(EndUser::groups).orElse(List.of()));
    }

    /**
     * A Microsoft 365 account synced from an AD account that is already another end user (two end users
     * made before they could be one) keeps its own: the anchor is not recorded rather than the update refused.
     */
    private EndUser withoutForeignAnchor(Customer customer, EndUser next, List<String> problems) {
        var graph = next.link(Directory.GRAPH);
        var anchor = graph.flatMap(Link::onPremisesGuid);
        var owner = anchor.flatMap(g -> repository.endUserByExternalId(customer.slug(), g))
                .filter(o -> !o.username().equals(next.username()));
        if (owner.isEmpty()) {
            return next;
        }
        problems.add("Microsoft 365 says it is synced from the AD account " + anchor.get() + ", which is the end user '"
                + owner.get().username() + "': the two stay apart");
        var l = graph.get();
        var links = next.links().stream().map(x -> x.directory() == Directory.GRAPH
                ? new Link(l.directory(), l.externalId(), l.source(), l.seen(), Optional.empty(), l.groups()) : x).toList();
        return next.withLinks(links, next.synced(), next.enabled(), next.updatedAt());
    }

    private static void differs(List<String> problems, String field, Optional<String> kept, Optional<String> theirs,
                                java.util.function.Function<String, String> mask, String keptFrom) {
        if (kept.isPresent() && theirs.isPresent() && !kept.get().equalsIgnoreCase(theirs.get())) {
            problems.add(field + " " + mask.apply(theirs.get()) + " differs from " + keptFrom + "'s "
                    + mask.apply(kept.get()) + ": " + keptFrom + "'s is kept until either directory changes it");
        }
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
                b.emailChangedAt(), b.accountName(), b.links(), b.groups()));
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
