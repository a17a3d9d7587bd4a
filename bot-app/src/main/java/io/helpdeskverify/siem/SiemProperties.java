package io.helpdeskverify.siem;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SIEM delivery by webhook ({@code HELPDESK_SIEM_*}, docs/siem.md).
 *
 * @param enabled whether this instance drains the destinations at all
 * @param pollInterval how often each instance looks for destinations with events to send
 * @param firstRetry the back-off after an event's first failure; it doubles on every further one
 * @param maxRetry the longest back-off between two attempts
 * @param giveUpAfter an event failing this long (from its first failure) is skipped and recorded
 * @param deadAfter a destination failing this long is dead: health says so and the admins are told
 * @param noticeEvery at most one chat notice per dead destination this often
 * @param connectTimeout the receiver's TCP/TLS connect timeout
 * @param requestTimeout the longest wait for the receiver's answer
 * @param batch events read from the log per pass
 * @param lease how long one instance holds a destination without renewing
 * @param allowLoopback allow http://127.0.0.1 and http://localhost destinations outside the local and test runs
 */
@ConfigurationProperties("helpdesk.siem")
public record SiemProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("10m") Duration maxRetry,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("10m") Duration deadAfter,
        @DefaultValue("1h") Duration noticeEvery,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("200") int batch,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("false") boolean allowLoopback) {

    public SiemProperties {
        if (batch < 1 || firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("HELPDESK_SIEM_BATCH must be at least 1 and HELPDESK_SIEM_MAX_RETRY "
                    + "at least HELPDESK_SIEM_FIRST_RETRY (> 0)");
        }
    }

    /** The wait after the {@code attempts}-th failure in a row: first, 2 × first, 4 × first … capped. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long millis = firstRetry.toMillis();
        for (int i = 0; i < doublings && millis < maxRetry.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxRetry.toMillis()));
    }
}
