package io.helpdeskverify.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dispatcher retries a provider that is briefly unavailable (FCM UNAVAILABLE, INTERNAL,
 * QUOTA_EXCEEDED; Twilio 429/5xx; an unreachable mail server).
 *
 * @param retryInitialDelay the first back-off; each retry doubles it
 * @param retryMaxDelay the longest single back-off
 * @param minTimeLeft no retry is started when less than this would remain of the countdown: the
 *     user needs time to read and answer, so the next rung of the ladder is the better bet
 */
@ConfigurationProperties("helpdesk.delivery")
public record DeliveryProperties(
        @DefaultValue("1s") Duration retryInitialDelay,
        @DefaultValue("8s") Duration retryMaxDelay,
        @DefaultValue("20s") Duration minTimeLeft) {

    /** The back-off before retry number {@code attempt} (1-based). */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration d = retryInitialDelay.multipliedBy(factor);
        return d.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : d;
    }
}
