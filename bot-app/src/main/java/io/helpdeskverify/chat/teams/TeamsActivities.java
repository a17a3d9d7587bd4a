package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.Technician;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an incoming activity says about who and where, in our terms. Channel conversations are
 * named by the channel (the {@code ;messageid=} thread suffix dropped): cards and the day's audit
 * thread belong to the channel, whichever thread the command was typed in.
 */
final class TeamsActivities {

    private static final String THREAD_SUFFIX = ";messageid=";
    private static final Pattern MENTION = Pattern.compile("<at>.*?</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamsActivities() {}

    static ConversationRef conversation(Activity a) {
        if (a.getConversation() == null || a.getConversation().getId() == null || a.getConversation().getId().isBlank()) {
            throw new IllegalArgumentException("The activity names no conversation.");
        }
        if (a.getServiceUrl() == null || a.getServiceUrl().isBlank()) {
            throw new IllegalArgumentException("The activity has no serviceUrl.");
        }
        return new ConversationRef(Platform.TEAMS, tenant(a).orElse(""), channelOf(a.getConversation().getId()),
                a.getServiceUrl());
    }

    static Technician technician(Activity a) {
        if (a.getFrom() == null || a.getFrom().getId() == null || a.getFrom().getId().isBlank()) {
            throw new IllegalArgumentException("The activity names no sender.");
        }
        return new Technician(Platform.TEAMS, a.getFrom().getId(), a.getFrom().getName());
    }

    static Recipient requester(Activity a) {
        return new Recipient(conversation(a), technician(a).id(), Optional.empty());
    }

    /**
     * Who and where for access decisions: the person's Entra ID object id (stable across bots, unlike
     * the {@code 29:…} id), the team and channel from {@code channelData}, the activity's tenant.
     *
     * @param appTenant the bot's own tenant (MICROSOFT_APP_TENANT_ID), blank when not single-tenant
     */
    static TechnicianContext context(Activity a, String appTenant) {
        String aad = a.getFrom() == null || a.getFrom().getAadObjectId() == null ? "" : a.getFrom().getAadObjectId();
        JsonNode data = a.getChannelData() == null ? JSON.createObjectNode() : JSON.valueToTree(a.getChannelData());
        return TechnicianContext.teams(Optional.ofNullable(appTenant).filter(t -> !t.isBlank()), tenant(a), aad,
                data.path("team").path("id").asText(""), data.path("channel").path("id").asText(""));
    }

    static Optional<String> tenant(Activity a) {
        if (a.getConversation() != null && a.getConversation().getTenantId() != null
                && !a.getConversation().getTenantId().isBlank()) {
            return Optional.of(a.getConversation().getTenantId());
        }
        if (a.getChannelData() != null) {
            JsonNode id = JSON.valueToTree(a.getChannelData()).path("tenant").path("id");
            if (id.isTextual() && !id.asText().isBlank()) {
                return Optional.of(id.asText());
            }
        }
        return Optional.empty();
    }

    /** Teams channels are {@code 19:…@thread.tacv2} (or the older {@code @thread.skype}); group chats are {@code @thread.v2}. */
    static boolean isChannel(String conversationId) {
        String base = channelOf(conversationId);
        return base.endsWith("@thread.tacv2") || base.endsWith("@thread.skype");
    }

    /** One-to-one chats with the bot ({@code a:…}, or {@code 8:…} in the Emulator) are already private. */
    static boolean isPersonal(String conversationId) {
        return !conversationId.startsWith("19:");
    }

    static String channelOf(String conversationId) {
        int i = conversationId.indexOf(THREAD_SUFFIX);
        return i < 0 ? conversationId : conversationId.substring(0, i);
    }

    static String thread(String channelId, String rootMessageId) {
        return channelOf(channelId) + THREAD_SUFFIX + rootMessageId;
    }

    /**
     * The command as typed: the bot's mention ({@code <at>Helpdesk Verify</at>}) removed, any
     * markup Teams adds in channels stripped, entities decoded.
     */
    static String commandText(Activity a) {
        String text = a.getText() == null ? "" : a.getText();
        text = MENTION.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replace('\u00a0', ' ');
        text = text.strip();
        // Some clients keep a leading slash from the command menu.
        return text.startsWith("/") ? text.substring(1).strip() : text;
    }
}
