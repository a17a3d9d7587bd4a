package io.helpdeskverify.alerts;

import io.helpdeskverify.delivery.Notice;
import io.helpdeskverify.delivery.SendOutcome;
import io.helpdeskverify.delivery.Senders;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.verification.Channel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells of an alert, what happened and what to do, in the same words by email to the customer's
 * security contact and in its alert channel in Slack or Teams.
 */
class AlertNotices {

    private static final Logger log = LoggerFactory.getLogger(AlertNotices.class);

    private final Senders senders;
    private final List<AlertChannels> channels;
    private final AlertsProperties props;
    private final String mspName;
    private final Clock clock;

    AlertNotices(Senders senders, List<AlertChannels> channels, AlertsProperties props, String mspName, Clock clock) {
        this.senders = senders;
        this.channels = List.copyOf(channels);
        this.props = props;
        this.mspName = mspName;
        this.clock = clock;
    }

    /** @return true when the email went, or there is nobody to send it to; false to try again later */
    boolean email(Alert alert, AlertSettings settings) {
        var t = alert.trigger();
        Optional<String> contact = settings.securityContact();
        var email = senders.forChannel(Channel.EMAIL);
        if (contact.isEmpty() || email.isEmpty()) {
            log.warn("Security alert {} for customer {}: no security contact email (HELPDESK_ALERTS_SECURITY_CONTACT) "
                    + "or no mail server", alert.rule(), t.customer());
            return true;
        }
        // The senders address end users; the security contact is one for this message only.
        var recipient = new EndUser(t.customer(), "security-contact", "Security contact", contact, Optional.empty(),
                true, EndUser.Source.MANUAL, clock.instant());
        var message = AlertMessage.of(alert);
        var notice = new Notice(recipient, message.title(), text(message), "alert " + alert.occurrence());
        var outcome = email.get().sendNotice(notice);
        if (!(outcome instanceof SendOutcome.Accepted)) {
            log.warn("Security alert {} for customer {}: the email was not sent, trying again later", alert.rule(),
                    t.customer());
            return false;
        }
        return true;
    }

    /** @return true when the post went, or there is no channel; false to try again later */
    boolean post(Alert alert, AlertSettings settings) {
        var target = settings.channel().map(c -> switch (c.platform()) {
            case "teams" -> new ChannelTarget("teams", props.teamsTenant().strip(), c.id(),
                    props.teamsServiceUrl().strip());
            default -> new ChannelTarget("slack", props.slackTeam().strip(), c.id(), "");
        });
        if (target.isEmpty()) {
            return true;
        }
        if (target.get().platform().equals("teams") && target.get().serviceUrl().isEmpty()) {
            log.warn("Security alert {} for customer {}: a Teams alert channel needs HELPDESK_ALERTS_TEAMS_SERVICE_URL",
                    alert.rule(), alert.trigger().customer());
            return true;
        }
        if (channels.isEmpty()) {
            log.warn("Security alert {} for customer {}: an alert channel is set but no chat platform is configured",
                    alert.rule(), alert.trigger().customer());
            return true;
        }
        var message = AlertMessage.of(alert);
        boolean posted = channels.stream().anyMatch(ch -> ch.post(target.get(), message));
        if (!posted) {
            log.warn("Security alert {} for customer {}: the post in {} failed, trying again later", alert.rule(),
                    alert.trigger().customer(), target.get().platform());
        }
        return posted;
    }

    String text(AlertMessage m) {
        return m.what() + "\n\n" + String.join("\n", m.facts()) + "\n\n" + m.whatToDo() + "\n\n-- " + mspName
                + ", Helpdesk Verify\n";
    }
}
