package io.helpdeskverify.alerts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import io.helpdeskverify.directory.AlertPolicy.AlertChannel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security alert thresholds and recipients ({@code HELPDESK_ALERTS_*}, docs/alerts.md).
 *
 * @param pollInterval how often each instance reads the newly stored events
 * @param quickDenial a USER_DENIED this soon after the start raises QUICK_DENIAL
 * @param refusals this many RATE_LIMITED events for one user within {@code refusalWindow} raise REPEATED_REFUSALS
 * @param contactChangeWindow a verification started this soon after CONTACT_CHANGED raises AFTER_CONTACT_CHANGE
 * @param technicians this many distinct technicians verifying one user within {@code techniciansWindow}
 *        raise SEVERAL_TECHNICIANS
 * @param securityContact the email that hears of every customer's alerts, unless the customer has its own
 * @param securityContacts per customer slug, the email of the customer's security contact
 * @param slackChannel the Slack channel id that hears of every customer's alerts, unless the customer has its own
 * @param slackTeam the Slack workspace (team id) of {@code slackChannel}; empty for a single-workspace install
 * @param teamsConversation the Teams conversation id that hears of every customer's alerts, unless the customer
 *        has its own; used when no Slack channel is set
 * @param teamsServiceUrl the Bot Framework service URL of the Teams alert conversations
 * @param teamsTenant the Microsoft tenant id of the Teams alert conversations
 * @param noticeGrace a notice its instance has not confirmed sent within this time is sent by any other
 */
@ConfigurationProperties("helpdesk.alerts")
public record AlertsProperties(
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("1m") Duration quickDenial,
        @DefaultValue("3") int refusals,
        @DefaultValue("10m") Duration refusalWindow,
        @DefaultValue("1h") Duration contactChangeWindow,
        @DefaultValue("2") int technicians,
        @DefaultValue("1h") Duration techniciansWindow,
        @DefaultValue("") String securityContact,
        Map<String, String> securityContacts,
        @DefaultValue("") String slackChannel,
        @DefaultValue("") String slackTeam,
        @DefaultValue("") String teamsConversation,
        @DefaultValue("") String teamsServiceUrl,
        @DefaultValue("") String teamsTenant,
        @DefaultValue("30s") Duration noticeGrace) {

    public AlertsProperties {
        securityContacts = securityContacts == null ? Map.of() : Map.copyOf(securityContacts);
        if (refusals < 1 || technicians < 2) {
            throw new IllegalArgumentException("HELPDESK_ALERTS_REFUSALS must be at least 1 and "
                    + "HELPDESK_ALERTS_TECHNICIANS at least 2");
        }
    }

    /** Who hears of this customer's alerts by email. */
    Optional<String> securityContactOf(String customer) {
        String c = securityContacts.getOrDefault(customer, securityContact);
        return c.isBlank() ? Optional.empty() : Optional.of(c);
    }

    /** The service-wide alert channel, Slack first. */
    Optional<AlertChannel> channel() {
        if (!slackChannel.isBlank()) {
            return Optional.of(new AlertChannel("slack", slackChannel.strip()));
        }
        return teamsConversation.isBlank() ? Optional.empty()
                : Optional.of(new AlertChannel("teams", teamsConversation.strip()));
    }
}
