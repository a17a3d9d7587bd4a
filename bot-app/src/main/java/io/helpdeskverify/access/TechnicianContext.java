package io.helpdeskverify.access;

import io.helpdeskverify.verification.Platform;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, and from where, as the platform adapter saw it on the request. Nothing here comes
 * from what the person typed.
 *
 * @param workspace the workspace the bot serves on this request: Slack, the installing team (auth.test);
 *     Teams, the configured tenant, else the activity's tenant; empty when unknown
 * @param userWorkspace the workspace or tenant the person belongs to (Slack {@code user_team} /
 *     {@code user.team_id}; Teams the activity's tenant); empty when the request does not say
 * @param userId Slack user id; Teams Entra ID object id ({@code from.aadObjectId}), empty when absent
 * @param channelId Slack channel id; Teams {@code channelData.channel.id}, empty outside channels
 * @param teamId Teams {@code channelData.team.id}; empty on Slack and outside teams
 */
public record TechnicianContext(Platform platform, String workspace, Optional<String> userWorkspace, String userId,
                                String channelId, String teamId) {

    public TechnicianContext {
        Objects.requireNonNull(platform, "platform");
        workspace = blankIfNull(workspace);
        userWorkspace = Objects.requireNonNull(userWorkspace, "userWorkspace").map(String::strip).filter(s -> !s.isEmpty());
        userId = blankIfNull(userId);
        channelId = blankIfNull(channelId);
        teamId = blankIfNull(teamId);
    }

    public static TechnicianContext slack(String installingTeam, Optional<String> userTeam, String userId,
                                          String channelId) {
        return new TechnicianContext(Platform.SLACK, installingTeam, userTeam, userId, channelId, "");
    }

    /**
     * @param appTenant the bot's own tenant (MICROSOFT_APP_TENANT_ID), empty for a multi-tenant or anonymous bot
     * @param activityTenant the tenant the activity came from
     */
    public static TechnicianContext teams(Optional<String> appTenant, Optional<String> activityTenant, String aadObjectId,
                                          String teamId, String channelId) {
        String served = appTenant.filter(t -> !t.isBlank()).or(() -> activityTenant).orElse("");
        return new TechnicianContext(Platform.TEAMS, served, activityTenant, aadObjectId, channelId, teamId);
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s.strip();
    }
}
