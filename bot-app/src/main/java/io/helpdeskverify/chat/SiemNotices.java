package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.directory.config.DirectoryProperties;
import io.helpdeskverify.siem.DeadDestinationNotices;
import io.helpdeskverify.siem.WebhookDestination;
import io.helpdeskverify.verification.Platform;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells every chat admin (HELPDESK_ADMIN_USER_IDS) privately that a SIEM destination is dead, on
 * whichever platform they are listed for; one notice text for Slack and Teams alike.
 */
@Component
class SiemNotices implements DeadDestinationNotices {

    private static final Logger log = LoggerFactory.getLogger(SiemNotices.class);

    private final ChatPlatforms platforms;
    private final DirectoryProperties directory;
    private final SiemNoticeProperties where;

    SiemNotices(ChatPlatforms platforms, DirectoryProperties directory, SiemNoticeProperties where) {
        this.platforms = platforms;
        this.directory = directory;
        this.where = where;
    }

    @Override
    public void destinationDead(WebhookDestination d, Duration failingFor, String lastError) {
        var notice = PrivateMessage.Notice.warning("SIEM delivery to " + d.url() + " has been failing for "
                        + minutes(failingFor) + ".",
                "Webhook " + d.id() + (d.customer().map(c -> " (customer " + c + ")").orElse(" (every customer)"))
                        + ": the last attempt failed with " + lastError + ".",
                "Events wait in order and are retried with back-off; one failing for 24 hours is skipped and "
                        + "recorded as WEBHOOK_EVENT_DROPPED.",
                "Check the receiver, or GET /api/v1/webhooks/" + d.id() + " for where delivery stands.");
        for (String admin : directory.adminUserIds()) {
            int colon = admin.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String platform = admin.substring(0, colon).toLowerCase(Locale.ROOT);
            String user = admin.substring(colon + 1);
            conversation(platform).ifPresent(c -> platforms.of(c.platform()).ifPresent(p -> {
                try {
                    p.tellPrivately(new Recipient(c, user, Optional.empty()), notice);
                } catch (ChatPlatformException | IllegalArgumentException e) {
                    log.warn("Could not tell admin {} about SIEM destination {} ({})", admin, d.id(),
                            e.getClass().getSimpleName());
                }
            }));
        }
    }

    private Optional<ConversationRef> conversation(String platform) {
        return switch (platform) {
            case "slack" -> where.slack().map(channel -> ConversationRef.slack(where.slackTeam().strip(), channel));
            // A channel-like id ("19:…"), never a personal chat: the adapter opens the admin's own chat with the bot.
            case "teams" -> where.teams().map(url -> new ConversationRef(Platform.TEAMS, where.teamsTenant().strip(),
                    "19:siem-notice@thread", url));
            default -> Optional.empty();
        };
    }

    private static String minutes(Duration d) {
        return d.toHours() >= 2 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }
}
