package io.helpdeskverify.chat.teams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft Teams settings (docs/teams.md). The environment variables are the Bot Framework's own
 * names ({@code MICROSOFT_APP_ID}, ...), mapped in application.yml.
 *
 * @param appId the Azure bot's Microsoft App ID; without it Teams is off, unless {@code allowAnonymous}
 * @param appPassword its client secret
 * @param appTenantId set for a single-tenant bot: outgoing tokens come from this tenant and
 *     activities from other tenants are refused; empty for a (legacy) multi-tenant bot
 * @param openidMetadataUrl where the Bot Framework publishes the keys that sign incoming tokens
 * @param allowAnonymous run without an app id, unauthenticated, as the Bot Framework Emulator
 *     expects; the local profile only
 * @param budget what one conversation may receive from the bot, shared by all instances
 */
@ConfigurationProperties("teams")
public record TeamsProperties(
        @DefaultValue("") String appId,
        @DefaultValue("") String appPassword,
        @DefaultValue("") String appTenantId,
        @DefaultValue("https://login.botframework.com/v1/.well-known/openidconfiguration") String openidMetadataUrl,
        @DefaultValue("false") boolean allowAnonymous,
        @DefaultValue Budget budget) {

    public boolean anonymous() {
        return appId.isBlank();
    }

    public boolean singleTenant() {
        return !appTenantId.isBlank();
    }

    /**
     * Teams throttles each conversation at about 7 messages per second and 60 per 30 seconds (posts,
     * replies and updates alike), answering 429 or 412 beyond; the bot keeps within both.
     */
    public record Budget(@DefaultValue("7") int burstMax, @DefaultValue("1s") Duration burstPer,
                         @DefaultValue("60") int sustainedMax, @DefaultValue("30s") Duration sustainedPer) {}

    @Override
    public String toString() {
        return "TeamsProperties[appId=" + appId + ", appTenantId=" + appTenantId + ", openidMetadataUrl="
                + openidMetadataUrl + ", allowAnonymous=" + allowAnonymous + ", budget=" + budget + ", appPassword=redacted]";
    }
}
