package io.helpdeskverify.chat;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the admins (HELPDESK_ADMIN_USER_IDS) hear that a SIEM destination is dead
 * ({@code HELPDESK_SIEM_NOTICE_*}, docs/siem.md). Slack: a channel of the workspace, each admin told
 * privately there. Teams: the tenant and service URL the bot reaches them through, in their
 * one-to-one chat with the bot. Neither set: only health, metrics and the log say so.
 *
 * @param slackTeam the Slack workspace (team id) of {@code slackChannel}
 * @param slackChannel the channel whose admins see the notice (only they see it)
 * @param teamsTenant the Microsoft 365 tenant of the Teams admins
 * @param teamsServiceUrl the Bot Framework service URL of that tenant (from any activity the bot received)
 */
@ConfigurationProperties("helpdesk.siem.notice")
public record SiemNoticeProperties(
        @DefaultValue("") String slackTeam,
        @DefaultValue("") String slackChannel,
        @DefaultValue("") String teamsTenant,
        @DefaultValue("") String teamsServiceUrl) {

    Optional<String> slack() {
        return slackChannel.isBlank() ? Optional.empty() : Optional.of(slackChannel.strip());
    }

    Optional<String> teams() {
        return teamsServiceUrl.isBlank() || teamsTenant.isBlank() ? Optional.empty()
                : Optional.of(teamsServiceUrl.strip());
    }
}
