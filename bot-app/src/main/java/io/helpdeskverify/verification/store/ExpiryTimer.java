package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.verification.VerificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the deadline set on every instance. Claims are atomic in Redis, so running this everywhere
 * expires each verification exactly once, including those whose instance restarted.
 */
@Component
class ExpiryTimer {

    private static final Logger log = LoggerFactory.getLogger(ExpiryTimer.class);

    private final VerificationService verifications;
    private final HelpdeskProperties.Expiry settings;

    ExpiryTimer(VerificationService verifications, HelpdeskProperties props) {
        this.verifications = verifications;
        this.settings = props.expiry();
    }

    @Scheduled(fixedDelayString = "${helpdesk.expiry.poll-interval:500ms}")
    void expireDue() {
        try {
            int n;
            do {
                n = verifications.expireDue(settings.batch(), settings.lease());
            } while (n == settings.batch());
        } catch (RuntimeException e) {
            // Redis away for a moment: the claims come back after their lease, so nothing is lost.
            log.warn("Expiry round failed, will retry: {}", e.toString());
        }
    }
}
