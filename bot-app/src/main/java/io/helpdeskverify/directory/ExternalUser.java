package io.helpdeskverify.directory;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user as an external directory (Microsoft 365) reports it. A delta page may carry only the
 * attributes that changed, so {@code sent} says which ones this record speaks for: an attribute
 * not sent is left as it is, one sent as null is cleared.
 *
 * @param onPremisesSynced AD-synced (true) or cloud-only (false) account
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
        boolean onPremisesSynced) {

    public ExternalUser {
        Objects.requireNonNull(externalId, "externalId");
        sent = sent.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sent));
        otherMails = List.copyOf(otherMails);
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
        SOURCE
    }
}
