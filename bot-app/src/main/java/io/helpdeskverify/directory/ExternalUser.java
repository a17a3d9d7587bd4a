package io.helpdeskverify.directory;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user as an external directory (Microsoft 365, or an on-premises Active Directory) reports it. A delta page may carry only the
 * attributes that changed, so {@code sent} says which ones this record speaks for: an attribute
 * not sent is left as it is, one sent as null is cleared.
 *
 * @param source {@code ENTRA_CLOUD}, {@code AD_SYNCED} or {@code AD_ONPREM}: which directory, and for
 *               Microsoft 365 whether the account is synced from on-premises AD
 * @param accountName Active Directory's {@code sAMAccountName} (the pre-Windows 2000 logon name,
 *                    {@code ACME\jdoe}), which technicians may type in {@code /verify}; Microsoft 365 sends none
 * @param onPremisesGuid for a Microsoft 365 account synced from AD, the objectGUID of that AD account
 *                       (from {@code onPremisesImmutableId}); Active Directory sends none
 * @param groups the groups the user is a member of, when {@code sent} has {@link Attribute#GROUPS}
 *               (AD's {@code memberOf}, Graph's {@code transitiveMemberOf})
 */
public record ExternalUser(
        String externalId,
        Set<Attribute> sent,
        Optional<String> upn,
        Optional<String> displayName,
        Optional<String> mail,
        List<String> otherMails,
        Optional<String> mobile,
        boolean enabled,
        EndUser.Source source,
        Optional<String> accountName,
        Optional<String> onPremisesGuid,
        List<EndUser.Group> groups) {

    public ExternalUser {
        Objects.requireNonNull(externalId, "externalId");
        sent = sent.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sent));
        otherMails = List.copyOf(otherMails);
        groups = groups == null ? List.of() : List.copyOf(groups);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(onPremisesGuid, "onPremisesGuid");
        if (!source.isExternal()) {
            throw new IllegalArgumentException("an external user comes from an external directory, not " + source);
        }
    }

    public boolean has(Attribute attribute) {
        return sent.contains(attribute);
    }

    /** The address codes go to: the mailbox, else the first alternate address. */
    public Optional<String> email() {
        return mail.filter(m -> !m.isBlank()).or(() -> otherMails.stream().filter(m -> !m.isBlank()).findFirst());
    }

    public String label() {
        return upn.or(() -> displayName).orElse(externalId);
    }

    public enum Attribute {
        UPN,
        DISPLAY_NAME,
        /** {@code mail} or {@code otherMails} */
        EMAIL,
        MOBILE,
        ENABLED,
        SOURCE,
        /** {@code sAMAccountName} */
        ACCOUNT_NAME,
        /** {@code onPremisesImmutableId} */
        ON_PREMISES_ID,
        /** group membership: AD's {@code memberOf}, Graph's {@code transitiveMemberOf} */
        GROUPS
    }

    /** The same record, now speaking for the user's groups too. */
    public ExternalUser withGroups(List<EndUser.Group> next) {
        var more = EnumSet.of(Attribute.GROUPS);
        more.addAll(sent);
        return new ExternalUser(externalId, more, upn, displayName, mail, otherMails, mobile, enabled, source,
                accountName, onPremisesGuid, next);
    }
}
