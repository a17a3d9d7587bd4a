package io.helpdeskverify.shared;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The self-serve app at {@code /app} (docs/app.md). Web push needs all four Firebase web settings;
 * with any missing the app polls while it is open, and says so.
 *
 * @param publicUrl {@code HELPDESK_PUBLIC_URL}: the bot's https base URL, for enrolment links and the
 *     link a web push opens
 * @param firebaseProjectId {@code FIREBASE_PROJECT_ID}, the project the Admin SDK sends through
 */
@ConfigurationProperties("helpdesk.app")
public record AppProperties(
        @DefaultValue("") String publicUrl,
        @DefaultValue("") String firebaseProjectId,
        @DefaultValue("") String firebaseWebApiKey,
        @DefaultValue("") String firebaseWebAppId,
        @DefaultValue("") String firebaseMessagingSenderId,
        @DefaultValue("") String firebaseVapidKey) {

    /** The app's own address, {@code https://bot.example/app/}, when the public URL is set. */
    public Optional<String> appUrl() {
        return publicBase().map(base -> base + "/app/");
    }

    /** The public URL without a trailing slash, {@code https://bot.example}, when it is set. */
    public Optional<String> publicBase() {
        String base = publicUrl.strip();
        if (base.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    public boolean webPushConfigured() {
        return !firebaseProjectId.isBlank() && !firebaseWebApiKey.isBlank() && !firebaseWebAppId.isBlank()
                && !firebaseMessagingSenderId.isBlank() && !firebaseVapidKey.isBlank();
    }
}
