package io.helpdeskverify.chat.slack;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings (docs/slack.md). The SLACK_* environment variables are mapped in application.yml.
 *
 * @param botToken {@code xoxb-…} (SLACK_BOT_TOKEN)
 * @param signingSecret verifies every HTTP request from Slack (SLACK_SIGNING_SECRET)
 * @param appToken {@code xapp-…}; when set, Slack is reached through Socket Mode (SLACK_APP_TOKEN)
 * @param apiUrl the Web API base, with a trailing slash (SLACK_API_URL)
 * @param command the slash command as registered in the manifest
 */
@ConfigurationProperties("helpdesk.slack")
public record SlackProperties(
        @DefaultValue("") String botToken,
        @DefaultValue("") String signingSecret,
        @DefaultValue("") String appToken,
        @DefaultValue("https://slack.com/api/") String apiUrl,
        @DefaultValue("/verify") String command,
        @DefaultValue UpdateBudget updateBudget) {

    public SlackProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : apiUrl.strip();
        // The SDK appends method names to the prefix: without the slash "apichat.update" would be called.
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    public boolean configured() {
        return !botToken.isBlank() && !signingSecret.isBlank();
    }

    public boolean socketMode() {
        return !appToken.isBlank();
    }

    /**
     * {@code chat.update} calls per workspace: Slack allows about 50 per minute (Tier 3), so 40
     * leaves room for other apps' bursts and clock skew.
     */
    public record UpdateBudget(@DefaultValue("40") int max, @DefaultValue("1m") Duration per) {}

    @Override
    public String toString() {
        return "SlackProperties[apiUrl=" + apiUrl + ", socketMode=" + socketMode() + ", secrets redacted]";
    }
}
