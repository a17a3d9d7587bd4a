package io.helpdeskverify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words an end user reads, from the {@code messages} bundle. They name the MSP and the
 * technician and say what to do when the user is not on a call with them. A read-back code never
 * comes with "never share this code": sharing it with the technician is the point.
 */
@Component
public class ChallengeTexts {

    private final MessageSource messages;

    public ChallengeTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String smsBody(Challenge c, Locale locale) {
        return text("challenge.sms", locale, c.mspName(), c.technicianName(), c.code().orElse(""));
    }

    public String emailSubject(Challenge c, Locale locale) {
        return text("challenge.email.subject", locale, c.mspName());
    }

    public String emailBody(Challenge c, Locale locale) {
        return text("challenge.email.body", locale, c.mspName(), c.technicianName(), c.code().orElse(""),
                c.recipient().displayName(), minutesLeft(c));
    }

    public String pushTitle(Challenge c, Locale locale) {
        return text("challenge.push.title", locale, c.mspName());
    }

    public String pushBody(Challenge c, Locale locale) {
        String key = switch (c.method()) {
            case PUSH_WITH_CODE -> "challenge.push.body.code";
            case VERIFIED_PUSH -> "challenge.push.body.match";
            default -> "challenge.push.body";
        };
        return text(key, locale, c.mspName(), c.technicianName(), c.code().orElse(""));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static long minutesLeft(Challenge c) {
        return Math.max(1, Duration.between(Instant.now(), c.expiresAt()).toMinutes());
    }
}
