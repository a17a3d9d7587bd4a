package io.helpdeskverify.directory;

import java.util.Locale;
import java.util.Optional;

/** How an enrolment link reaches the user: their directory mobile or email, never an address a caller typed. */
public enum InviteChannel {
    SMS,
    EMAIL;

    /** "sms" or "email", as the API and the chat command spell it. */
    public static Optional<InviteChannel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "sms" -> Optional.of(SMS);
            case "email" -> Optional.of(EMAIL);
            default -> Optional.empty();
        };
    }
}
