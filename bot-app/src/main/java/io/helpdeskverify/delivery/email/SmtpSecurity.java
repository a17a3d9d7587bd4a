package io.helpdeskverify.delivery.email;

import java.util.Locale;
import java.util.Optional;

/** How the connection to the mail server is protected. */
enum SmtpSecurity {
    STARTTLS(587),
    TLS(465),
    NONE(25);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    int defaultPort() {
        return defaultPort;
    }

    static Optional<SmtpSecurity> parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "starttls" -> Optional.of(STARTTLS);
            case "tls", "ssl", "smtps" -> Optional.of(TLS);
            case "none" -> Optional.of(NONE);
            default -> Optional.empty();
        };
    }
}
