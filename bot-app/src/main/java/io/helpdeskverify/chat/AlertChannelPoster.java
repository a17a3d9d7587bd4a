package io.helpdeskverify.chat;

import io.helpdeskverify.alerts.AlertChannels;
import io.helpdeskverify.alerts.AlertMessage;
import io.helpdeskverify.alerts.ChannelTarget;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.verification.Platform;
import java.util.ArrayList;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts a security alert into the alert channel, on Slack or Teams alike: one notice, the email's
 * words, one attempt; a failed post stays pending in the alert's notices and is retried by the watcher.
 */
@Component
class AlertChannelPoster implements AlertChannels {

    private static final Logger log = LoggerFactory.getLogger(AlertChannelPoster.class);

    private final ChatPlatforms platforms;

    AlertChannelPoster(ChatPlatforms platforms) {
        this.platforms = platforms;
    }

    @Override
    public boolean post(ChannelTarget where, AlertMessage message) {
        Platform platform = switch (where.platform().toLowerCase(Locale.ROOT)) {
            case "teams" -> Platform.TEAMS;
            default -> Platform.SLACK;
        };
        var chat = platforms.of(platform);
        if (chat.isEmpty()) {
            log.warn("Security alert channel on {}, which is not configured: the alert is not posted", platform);
            return true; // nothing will ever change that without a restart; the email and the event remain
        }
        var lines = new ArrayList<String>();
        lines.add(message.what());
        lines.addAll(message.facts());
        lines.add(message.whatToDo());
        try {
            chat.get().postNotice(new ConversationRef(platform, where.workspace(), where.conversationId(),
                    where.serviceUrl()), new NoticeView(message.title(), lines, NoticeView.Tone.WARNING));
            return true;
        } catch (ChatPlatformException | IllegalArgumentException e) {
            log.warn("Could not post a security alert on {} ({})", platform, e.getClass().getSimpleName());
            return false;
        }
    }
}
