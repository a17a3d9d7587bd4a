package io.helpdeskverify.alerts;

import io.helpdeskverify.delivery.Notice;
import io.helpdeskverify.delivery.SendOutcome;
import io.helpdeskverify.delivery.Senders;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.verification.Channel;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the customer's security contact of an alert by email: what happened and what to do. */
class AlertNotices {

    private static final Logger log = LoggerFactory.getLogger(AlertNotices.class);

    private final Senders senders;
    private final AlertsProperties props;
    private final String mspName;
    private final Clock clock;

    AlertNotices(Senders senders, AlertsProperties props, String mspName, Clock clock) {
        this.senders = senders;
        this.props = props;
        this.mspName = mspName;
        this.clock = clock;
    }

    void send(Alert alert) {
        var t = alert.trigger();
        Optional<String> contact = props.securityContactOf(t.customer());
        var email = senders.forChannel(Channel.EMAIL);
        if (contact.isEmpty() || email.isEmpty()) {
            log.warn("Security alert {} for customer {}: no security contact email (HELPDESK_ALERTS_SECURITY_CONTACT) "
                    + "or no mail server", alert.rule(), t.customer());
            return;
        }
        // The senders address end users; the security contact is one for this message only.
        var recipient = new EndUser(t.customer(), "security-contact", "Security contact", contact, Optional.empty(),
                true, EndUser.Source.MANUAL, clock.instant());
        var notice = new Notice(recipient, "Security alert for " + t.customer() + ": " + title(alert), text(alert),
                "alert " + alert.occurrence());
        var outcome = email.get().sendNotice(notice);
        if (!(outcome instanceof SendOutcome.Accepted)) {
            log.warn("Security alert {} for customer {}: the email was not sent", alert.rule(), t.customer());
        }
    }

    private static String title(Alert alert) {
        return alert.rule().name().toLowerCase().replace('_', ' ');
    }

    String text(Alert alert) {
        var t = alert.trigger();
        return """
                %s

                Customer: %s
                End user: %s
                Technician: %s
                Verification: %s
                Details: %s
                Time: %s

                What to do: %s

                -- %s, Helpdesk Verify
                """.formatted(alert.rule().what(), t.customer(), t.user(), t.technician().isEmpty() ? "-" : t.technician(),
                t.verificationId().isEmpty() ? "-" : t.verificationId(), alert.detail(), t.time(), alert.rule().advice(),
                mspName);
    }
}
