package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An employee of a customer, as the directory knows them. Contacts come from the directory only,
 * never from a caller.
 *
 * @param mobile E.164, already validated with libphonenumber
 */
public record EndUser(
        String customer,
        String username,
        String displayName,
        Optional<String> email,
        Optional<String> mobile,
        boolean enabled,
        Source source,
        Instant updatedAt) {

    public EndUser {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(username, "username");
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public enum Source {
        MANUAL,
        CSV,
        ENTRA_CLOUD,
        AD_SYNCED
    }
}
