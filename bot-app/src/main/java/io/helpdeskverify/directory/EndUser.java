package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An employee of a customer, as the directory knows them. Contacts come from the directory only,
 * never from a caller.
 *
 * @param mobile E.164, already validated with libphonenumber
 * @param externalId the user's object id in the customer's Microsoft 365 tenant (or its Active Directory objectGUID), once linked
 * @param upn the user principal name in Microsoft 365; the username stays the key even if it changes
 * @param overrides fields an admin set by hand (API or CSV): a directory sync leaves them alone until cleared
 * @param synced what the external directory last said, so clearing an override restores it at once
 * @param mobileChangedAt when the mobile last changed after the user was created (a new binding: see {@link ContactRisk})
 * @param emailChangedAt when the email last changed after the user was created
 * @param accountName Active Directory's {@code sAMAccountName} ({@code jdoe} of {@code ACME\jdoe}),
 *                    which {@code /verify} also finds the user by
 * @param links every external directory that has this person (Microsoft 365, on-premises AD), each with its own
 *              id and the values it last said; {@code externalId} and {@code source} are the first link's,
 *              {@code synced} is what the directories say together (the last to change a value wins)
 * @param groups directory groups an admin gave the user (the CSV import's {@code groups} column); a directory's
 *               own groups are on its link, and {@link #memberOf()} is all of them
 */
public record EndUser(
        String customer,
        String username,
        String displayName,
        Optional<String> email,
        Optional<String> mobile,
        boolean enabled,
        Source source,
        Instant updatedAt,
        Optional<String> externalId,
        Optional<String> upn,
        Set<Field> overrides,
        Optional<Synced> synced,
        Optional<Instant> mobileChangedAt,
        Optional<Instant> emailChangedAt,
        Optional<String> accountName,
        List<Link> links,
        List<Group> groups) {

    public EndUser {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(username, "username");
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
        // Users stored before these fields existed read back with nulls: they mean "none".
        externalId = externalId == null ? Optional.empty() : externalId;
        upn = upn == null ? Optional.empty() : upn;
        overrides = overrides == null || overrides.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(overrides));
        synced = synced == null ? Optional.empty() : synced;
        mobileChangedAt = mobileChangedAt == null ? Optional.empty() : mobileChangedAt;
        emailChangedAt = emailChangedAt == null ? Optional.empty() : emailChangedAt;
        accountName = accountName == null ? Optional.empty() : accountName;
        links = links == null ? List.of() : List.copyOf(links);
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (links.isEmpty() && externalId.isPresent() && source.isExternal()) {
            // Stored before users could have several directories: the one link it had.
            links = List.of(new Link(Directory.of(source), externalId.get(), source,
                    synced.orElse(new Synced(displayName, email, mobile, enabled)), Optional.empty(), List.of()));
        }
        if (!links.isEmpty()) {
            externalId = Optional.of(links.get(0).externalId());
            source = links.get(0).source();
        }
    }

    /** This directory's link, if it has the person. */
    public Optional<Link> link(Directory directory) {
        return links.stream().filter(l -> l.directory() == directory).findFirst();
    }

    /** The same user with other links (and so, maybe, another first link's id and source). */
    public EndUser withLinks(List<Link> next, Optional<Synced> nextSynced, boolean nextEnabled, Instant at) {
        return new EndUser(customer, username, displayName, email, mobile, nextEnabled, source, at,
                next.isEmpty() ? Optional.empty() : externalId, upn, overrides, nextSynced, mobileChangedAt,
                emailChangedAt, accountName, next, groups);
    }

    /** The same user with these admin-given groups (CSV); the directories' groups stay on their links. */
    public EndUser withGroups(List<Group> next) {
        return new EndUser(customer, username, displayName, email, mobile, enabled, source, updatedAt, externalId,
                upn, overrides, synced, mobileChangedAt, emailChangedAt, accountName, links, next);
    }

    /**
     * Every group the user is a member of, by any directory or the CSV import, each once: a group with an
     * id once per id, and one named without an id (CSV) only when no group so far has that name.
     */
    public List<Group> memberOf() {
        var all = new java.util.ArrayList<Group>();
        var ids = new java.util.HashSet<String>();
        var names = new java.util.HashSet<String>();
        var every = new java.util.ArrayList<Group>();
        links.forEach(l -> every.addAll(l.groups()));
        every.addAll(groups);
        for (Group g : every) {
            String name = g.name().toLowerCase(java.util.Locale.ROOT);
            boolean seen = g.id().map(id -> !ids.add(id)).orElseGet(() -> names.contains(name));
            if (!seen) {
                all.add(g);
                names.add(name);
            }
        }
        return List.copyOf(all);
    }

    /** A user that no external directory manages (manual entry, CSV, demo data). */
    public EndUser(String customer, String username, String displayName, Optional<String> email,
                   Optional<String> mobile, boolean enabled, Source source, Instant updatedAt) {
        this(customer, username, displayName, email, mobile, enabled, source, updatedAt, Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of());
    }

    public enum Source {
        MANUAL,
        CSV,
        ENTRA_CLOUD,
        AD_SYNCED,
        /** Read from an on-premises Active Directory over LDAP(S) (directory.ldap). */
        AD_ONPREM,
        /**
         * Not in the directory: a PSA ticket's contact, verified on the PSA's own contact details
         * ("unmatched"). Kept beside the directory only as long as its verifications ({@link #AD_HOC_PREFIX}).
         */
        PSA;

        public boolean isExternal() {
            return this == ENTRA_CLOUD || this == AD_SYNCED || this == AD_ONPREM;
        }
    }

    /**
     * The username of an ad-hoc end user starts with this. A directory username can never contain a
     * colon (DirectoryService's USERNAME), so the two never collide.
     */
    public static final String AD_HOC_PREFIX = "psa:";

    /** {@code psa:connectwise:2}: one PSA's contact, whatever name it has. */
    public static String adHocUsername(String psa, String contactId) {
        return AD_HOC_PREFIX + psa + ":" + contactId;
    }

    /** Whether this user lives outside the directory (a PSA contact) and came with its own contact details. */
    public boolean adHoc() {
        return source == Source.PSA;
    }

    /** The external directories a person can be in; one end user may be in both. */
    public enum Directory {
        /** Microsoft 365 / Entra ID, through Microsoft Graph ({@code ENTRA_CLOUD} or {@code AD_SYNCED} users). */
        GRAPH,
        /** An on-premises Active Directory, read over LDAP(S) by the bot or by a directory agent. */
        AD_ONPREM;

        public static Directory of(Source source) {
            return switch (source) {
                case ENTRA_CLOUD, AD_SYNCED -> GRAPH;
                case AD_ONPREM -> AD_ONPREM;
                default -> throw new IllegalArgumentException(source + " is not an external directory");
            };
        }
    }

    /**
     * One directory's hold on the user.
     *
     * @param externalId the user's id there: the Graph object id, or the AD objectGUID
     * @param source for Microsoft 365, {@code ENTRA_CLOUD} or {@code AD_SYNCED}; else {@code AD_ONPREM}
     * @param seen what this directory said last, normalised: a value it sends again unchanged is no change
     * @param onPremisesGuid for Microsoft 365, the objectGUID of the AD account it is synced from
     *                       ({@code onPremisesImmutableId}), by which the AD import finds the same person
     * @param groups the groups this directory last said the user is a member of (none for a link stored before
     *               groups were read)
     */
    public record Link(Directory directory, String externalId, Source source, Synced seen,
                       Optional<String> onPremisesGuid, List<Group> groups) {
        public Link {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(seen, "seen");
            onPremisesGuid = onPremisesGuid == null ? Optional.empty() : onPremisesGuid;
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        /** The same link with other groups. */
        public Link withGroups(List<Group> next) {
            return new Link(directory, externalId, source, seen, onPremisesGuid, next);
        }

        /** The ids the directory's index finds this user by. */
        public List<String> ids() {
            return onPremisesGuid.filter(g -> !g.equals(externalId)).map(g -> List.of(externalId, g))
                    .orElse(List.of(externalId));
        }
    }

    /**
     * A directory group the user is a member of.
     *
     * @param name what people call it: Microsoft 365's {@code displayName}, AD's {@code cn} ({@code Domain Admins})
     * @param id the directory's own id where it has one: Graph's object id, AD's distinguished name
     */
    public record Group(String name, Optional<String> id) {
        public Group {
            Objects.requireNonNull(name, "name");
            id = id == null ? Optional.empty() : id;
        }
    }

    /** Fields an admin can take over from the external directory. */
    public enum Field {
        DISPLAY_NAME,
        EMAIL,
        MOBILE,
        ENABLED
    }

    /**
     * The external directory's own values, after normalisation (an unusable mobile is empty here).
     *
     * @param enabled {@code accountEnabled}; false always wins over a manual "enabled"
     */
    public record Synced(String displayName, Optional<String> email, Optional<String> mobile, boolean enabled) {
        public Synced {
            Objects.requireNonNull(displayName, "displayName");
            email = email == null ? Optional.empty() : email;
            mobile = mobile == null ? Optional.empty() : mobile;
        }
    }
}
