package io.helpdeskverify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
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

    private static final DateTimeFormatter NOTICE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    public ChallengeTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The full wording when it fits one segment, else the short one (which fits for most names). */
    public String smsBody(Challenge c, Locale locale) {
        Object[] args = {c.mspName(), c.technicianName().value(), c.code().orElse(""), c.link().orElse("")};
        if (c.reverse()) {
            return text(c.link().isPresent() ? "challenge.reverse.sms" : "challenge.reverse.sms.nolink", locale, args);
        }
        // With the "I did not ask for this" link the words are shorter, so that most messages stay one segment.
        String suffix = c.link().isPresent() ? ".link" : "";
        String full = text("challenge.sms" + suffix, locale, args);
        return SmsSegments.count(full) == 1 ? full : text("challenge.sms.short" + suffix, locale, args);
    }

    public String emailSubject(Challenge c, Locale locale) {
        return text(c.reverse() ? "challenge.reverse.email.subject" : "challenge.email.subject", locale, c.mspName());
    }

    /** The email as paragraphs; the plain-text and HTML parts are both built from these. */
    public EmailParagraphs emailParagraphs(Challenge c, Locale locale) {
        Object[] args = {c.mspName(), c.technicianName().value(), c.code().orElse(""), c.recipient().displayName(),
                minutesLeft(c), c.link().orElse("")};
        if (c.reverse()) {
            return new EmailParagraphs(text("challenge.email.greeting", locale, args),
                    text("challenge.reverse.email.intro", locale, args), text("challenge.email.code", locale, args),
                    c.code().orElse(""), text(c.link().isPresent() ? "challenge.reverse.email.instruction"
                            : "challenge.reverse.email.instruction.nolink", locale, args),
                    text("challenge.reverse.email.otherwise", locale, args));
        }
        String otherwise = text("challenge.email.otherwise", locale, args)
                + (c.link().isPresent() ? " " + text("challenge.email.report", locale, args) : "");
        return new EmailParagraphs(text("challenge.email.greeting", locale, args),
                text("challenge.email.intro", locale, args), text("challenge.email.code", locale, args),
                c.code().orElse(""), text("challenge.email.instruction", locale, args), otherwise);
    }

    public String emailBody(Challenge c, Locale locale) {
        return emailParagraphs(c, locale).plainText();
    }

    public String pushTitle(Challenge c, Locale locale) {
        return text("challenge.push.title", locale, c.mspName());
    }

    public String pushBody(Challenge c, Locale locale) {
        String key = c.reverse() ? "challenge.reverse.push" : switch (c.method()) {
            case PUSH_WITH_CODE -> "challenge.push.body.code";
            case VERIFIED_PUSH -> "challenge.push.body.match";
            default -> "challenge.push.body";
        };
        return text(key, locale, c.mspName(), c.technicianName().value(), c.code().orElse(""));
    }

    /** The "new phone" notice; {@code when} is written as a UTC date and time a user reads easily. */
    public String newPhoneSubject(String mspName, Locale locale) {
        return text("device.added.subject", locale, mspName);
    }

    public String newPhoneText(String mspName, Instant when, Locale locale) {
        return text("device.added.text", locale, mspName, NOTICE_TIME.format(when));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static long minutesLeft(Challenge c) {
        return Math.max(1, Duration.between(Instant.now(), c.expiresAt()).toMinutes());
    }

    /** @param code the bare code, so the HTML part can set it apart */
    public record EmailParagraphs(String greeting, String intro, String codeLine, String code, String instruction,
                                  String otherwise) {

        public List<String> all() {
            return List.of(greeting, intro, codeLine, instruction, otherwise);
        }

        public String plainText() {
            return String.join("\n\n", all()) + "\n";
        }
    }
}
