package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.EnumSet;
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
        Optional<String> accountName) {

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
    }

    /** A user that no external directory manages (manual entry, CSV, demo data). */
    public EndUser(String customer, String username, String displayName, Optional<String> email,
                   Optional<String> mobile, boolean enabled, Source source, Instant updatedAt) {
        this(customer, username, displayName, email, mobile, enabled, source, updatedAt, Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
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
