package io.helpdeskverify.chat.teams;

import io.helpdeskverify.chat.core.UpdateLimits;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import io.helpdeskverify.cards.AdaptiveCardRenderer;
import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.cards.VerificationCardView;
import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.chat.core.ThreadRef;
import io.helpdeskverify.chat.cards.PlatformCalls;
import io.helpdeskverify.chat.core.RetryableCallException;
import io.helpdeskverify.chat.core.UpdateResult;
import io.helpdeskverify.verification.Platform;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat port on Microsoft Teams. Cards are new posts in a channel (or messages in a chat),
 * updated in place with {@code updateActivity}; the requesting technician's code and buttons come
 * through the card's refresh ({@link CardInvokes}), not a separate message. Private answers go to
 * the technician's one-to-one chat with the bot.
 *
 * <p>Every send and update to a conversation spends the Teams budget of that conversation
 * ({@link TeamsProperties.Budget}: 7 per second, 60 per 30 seconds) shared by all instances. Sends
 * go through {@link PlatformCalls} (429 and 412 pause the conversation for the announced time, 5xx
 * and no answer are tried again with back-off); updates through {@code CardUpdater}.
 */
class TeamsChatPlatform implements ChatPlatform {

    private static final Logger log = LoggerFactory.getLogger(TeamsChatPlatform.class);

    private final TeamsApi api;
    private final PlatformCalls calls;
    private final UpdateLimits limits;
    private final TeamsPrivateMessages privateMessages;
    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    TeamsChatPlatform(TeamsApi api, PlatformCalls calls, ChatProperties chat, TeamsPrivateMessages privateMessages,
                      TeamsProperties props) {
        this.api = api;
        this.calls = calls;
        this.privateMessages = privateMessages;
        var b = props.budget();
        this.limits = new UpdateLimits(List.of(new UpdateLimits.Window(b.burstMax(), b.burstPer()),
                new UpdateLimits.Window(b.sustainedMax(), b.sustainedPer())), chat.tickShare());
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public CardRef postCard(ConversationRef where, VerificationCardView card) {
        return new CardRef(where, post(where, TeamsMessages.card(renderer.observerCard(card))));
    }

    @Override
    public UpdateResult updateCard(CardRef card, VerificationCardView view) {
        ConversationRef where = card.conversation();
        try {
            api.update(where.serviceUrl(), conversationOfPost(where, card.messageId()), card.messageId(),
                    TeamsMessages.card(renderer.observerCard(view)));
            return new UpdateResult.Updated();
        } catch (TeamsCallException e) {
            if (e.throttled()) {
                return new UpdateResult.RetryAfter(e.retryAfter().orElse(Duration.ofSeconds(2)));
            }
            if (e.transientFailure()) {
                return new UpdateResult.Failed(e.getMessage());
            }
            return new UpdateResult.Gone(e.getMessage());
        }
    }

    @Override
    public void tellPrivately(Recipient who, PrivateMessage message) {
        if (message instanceof PrivateMessage.Code) {
            throw new IllegalArgumentException("Teams shows codes in the card's personal view (codeDelivery)");
        }
        ObjectNode card = privateMessages.render(who, message);
        ConversationRef where = who.conversation();
        if (TeamsActivities.isPersonal(where.conversationId())) {
            send(scope(where.conversationId()), () -> api.send(where.serviceUrl(), where.conversationId(),
                    TeamsMessages.card(card)));
            return;
        }
        String chat;
        try {
            chat = api.personalChat(where.serviceUrl(), where.workspace(), who.userId());
        } catch (TeamsCallException e) {
            log.info("No one-to-one chat with {} ({}); answering in the conversation", who.userId(), e.getMessage());
            post(where, TeamsMessages.text("I could not message you privately. Open a chat with Helpdesk Verify "
                    + "(install the app for yourself) and send the command there."));
            return;
        }
        send(scope(chat), () -> api.send(where.serviceUrl(), chat, TeamsMessages.card(card)));
    }

    /** The code reaches the technician in the card's personal view (refresh.userIds), never in a message. */
    @Override
    public CodeDelivery codeDelivery() {
        return CodeDelivery.PERSONAL_VIEW;
    }

    @Override
    public String postAuditRoot(ConversationRef where, LocalDate utcDay) {
        return post(where, TeamsMessages.text(renderer.auditRootText(utcDay)));
    }

    @Override
    public void replyInAuditThread(ThreadRef thread, AuditEntry entry) {
        ConversationRef where = thread.conversation();
        Activity reply = TeamsMessages.card(renderer.auditReply(entry));
        if (TeamsActivities.isChannel(where.conversationId())) {
            String threadId = TeamsActivities.thread(where.conversationId(), thread.rootMessageId());
            send(scope(where.conversationId()), () -> api.send(where.serviceUrl(), threadId, reply));
        } else {
            send(scope(where.conversationId()), () -> api.reply(where.serviceUrl(), where.conversationId(),
                    thread.rootMessageId(), reply));
        }
    }

    @Override
    public void postNotice(ConversationRef where, NoticeView notice) {
        post(where, TeamsMessages.card(renderer.notice(notice)));
    }

    @Override
    public UpdateLimits updateLimits() {
        return limits;
    }

    @Override
    public String budgetScope(CardRef card) {
        return scope(card.conversation().conversationId());
    }

    /** A new top-level post in a channel, or a message in a chat; returns its activity id. */
    private String post(ConversationRef where, Activity activity) {
        String scope = scope(where.conversationId());
        if (TeamsActivities.isChannel(where.conversationId())) {
            var created = send(scope, () -> api.newChannelPost(where.serviceUrl(), where.workspace(),
                    where.conversationId(), activity));
            return messageId(created.getActivityId(), created.getId());
        }
        var sent = send(scope, () -> api.send(where.serviceUrl(), where.conversationId(), activity));
        return messageId(sent.getId(), null);
    }

    /* A channel post lives in its own thread, "<channel>;messageid=<post>"; a chat message in the chat. */
    private static String conversationOfPost(ConversationRef where, String messageId) {
        return TeamsActivities.isChannel(where.conversationId())
                ? TeamsActivities.thread(where.conversationId(), messageId) : where.conversationId();
    }

    private static String messageId(String activityId, String conversationId) {
        if (activityId != null && !activityId.isBlank()) {
            return activityId;
        }
        if (conversationId != null && conversationId.contains(";messageid=")) {
            return conversationId.substring(conversationId.indexOf(";messageid=") + ";messageid=".length());
        }
        throw new ChatPlatformException("Teams did not return the id of the new message", "Try again in a moment.");
    }

    /* Every call to a conversation goes through the one budget-and-retry loop, one attempt at a time. */
    private <T> T send(String scope, Supplier<T> call) {
        return calls.call(scope, limits, () -> once(call));
    }

    private static <T> T once(Supplier<T> call) {
        try {
            return call.get();
        } catch (TeamsCallException e) {
            if (e.transientFailure()) {
                throw new RetryableCallException("Teams answered " + e.status(), advice(e), e.throttled(),
                        e.retryAfter(), e);
            }
            throw new ChatPlatformException(e.getMessage(), advice(e), e);
        } catch (ChatPlatformException e) {
            throw e;
        } catch (RuntimeException e) {
            // The SDK also fails before sending (validation, serialisation): still a failed call for the flow.
            throw new ChatPlatformException("Teams call failed: " + e, "Try again in a moment; if it keeps failing, "
                    + "ask your admin to check the bot's log.", e);
        }
    }

    private static String advice(TeamsCallException e) {
        return switch (e.status()) {
            case 401, 403 -> "Add Helpdesk Verify to this team or chat (Apps → Manage apps), then try again.";
            case 404 -> "This conversation is gone or the bot was removed from it.";
            case 400, 413 -> "Teams refused the message; ask your admin to check the bot's log.";
            default -> "Teams is not answering right now; try again in a moment.";
        };
    }

    private static String scope(String conversationId) {
        return "teams:" + TeamsActivities.channelOf(conversationId);
    }
}
