package io.helpdeskverify.delivery.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio SMS settings; mapped from the environment in application.yml.
 *
 * @param from {@code TWILIO_FROM}: the sending number (E.164) or alphanumeric sender id
 * @param messagingServiceSid {@code TWILIO_MESSAGING_SERVICE_SID}: used instead of {@code from} when set
 * @param apiUrl {@code TWILIO_API_URL}: replaces {@code https://api.twilio.com} (a fake in tests)
 * @param statusCallbackUrl {@code TWILIO_STATUS_CALLBACK_URL}: the public URL Twilio posts delivery
 *     reports to, exactly as Twilio calls it (signatures are computed over it)
 * @param publicUrl {@code HELPDESK_PUBLIC_URL}: the bot's public base URL; the callback URL is
 *     derived from it when {@code statusCallbackUrl} is blank
 */
@ConfigurationProperties("helpdesk.twilio")
public record TwilioProperties(
        @DefaultValue("") String accountSid,
        @DefaultValue("") String authToken,
        @DefaultValue("") String from,
        @DefaultValue("") String messagingServiceSid,
        @DefaultValue("") String apiUrl,
        @DefaultValue("") String statusCallbackUrl,
        @DefaultValue("") String publicUrl) {

    static final String CALLBACK_PATH = "/webhooks/twilio/status";

    /** The URL Twilio is asked to post status reports to, if the bot knows its public address. */
    String callbackUrl() {
        if (!statusCallbackUrl.isBlank()) {
            return statusCallbackUrl.strip();
        }
        if (!publicUrl.isBlank()) {
            String base = publicUrl.strip();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK_PATH;
        }
        return "";
    }

    @Override
    public String toString() {
        // Records print every component; the auth token must never reach a log line.
        return "TwilioProperties[accountSid=" + accountSid + ", from=" + (from.isBlank() ? "" : "set")
                + ", messagingServiceSid=" + messagingServiceSid + ", apiUrl=" + apiUrl + "]";
    }
}
