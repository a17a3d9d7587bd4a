package io.helpdeskverify.chat.slack;

import io.helpdeskverify.chat.core.UpdateLimits;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.cards.BlockKitRenderer;
import io.helpdeskverify.cards.VerificationCardView;
import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.chat.core.ThreadRef;
import io.helpdeskverify.chat.core.UpdateResult;
import io.helpdeskverify.chat.core.RetryableCallException;
import io.helpdeskverify.chat.cards.PlatformCalls;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import io.helpdeskverify.verification.Platform;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The chat port on the Slack Web API (chat.postMessage, chat.update, chat.postEphemeral, response_url). */
class SlackChatPlatform implements ChatPlatform {

    /* The card or its channel is gone for good: further updates can only fail the same way. */
    private static final Set<String> GONE = Set.of("message_not_found", "channel_not_found", "is_archived",
            "cant_update_message", "not_in_channel", "edit_window_closed");
    /* Slack's own failures, worth another try (https://api.slack.com/methods/chat.postMessage#errors). */
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout");
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);
    private static final String UNREACHABLE = "Slack could not be reached; try again in a moment.";

    private final Slack slack;
    private final SlackApi api;
    private final PlatformCalls calls;
    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final Clock clock;
    private final UpdateLimits limits;

    SlackChatPlatform(Slack slack, SlackProperties props, PlatformCalls calls, Clock clock, double tickShare) {
        this.slack = slack;
        this.api = new SlackApi(slack, props.botToken());
        this.calls = calls;
        this.clock = clock;
        this.limits = new UpdateLimits(
                List.of(new UpdateLimits.Window(props.updateBudget().max(), props.updateBudget().per())), tickShare);
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public CardRef postCard(ConversationRef where, VerificationCardView card) {
        ObjectNode message = renderer.channelCard(card, clock.instant());
        var response = call("chat.postMessage", () -> api.chatPostMessage(ChatPostMessageRequest.builder()
                .channel(where.conversationId())
                .text(message.get("text").asText()).blocksAsString(message.get("blocks").toString())
                .unfurlLinks(false).unfurlMedia(false).build()));
        // In a DM Slack may answer with the conversation id it used: updates must go there.
        String channel = response.getChannel() == null || response.getChannel().isBlank()
                ? where.conversationId() : response.getChannel();
        return new CardRef(new ConversationRef(Platform.SLACK, where.workspace(), channel, ""), response.getTs());
    }

    @Override
    public UpdateResult updateCard(CardRef card, VerificationCardView view) {
        ObjectNode message = renderer.channelCard(view, clock.instant());
        try {
            var response = api.chatUpdate(ChatUpdateRequest.builder()
                    .channel(card.conversation().conversationId()).ts(card.messageId())
                    .text(message.get("text").asText()).blocksAsString(message.get("blocks").toString()).build());
            if (response.isOk()) {
                return new UpdateResult.Updated();
            }
            if ("ratelimited".equals(response.getError())) {
                return new UpdateResult.RetryAfter(DEFAULT_RETRY);
            }
            return GONE.contains(response.getError()) ? new UpdateResult.Gone(response.getError())
                    : new UpdateResult.Failed(response.getError());
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                return new UpdateResult.RetryAfter(retryAfter(e).orElse(DEFAULT_RETRY));
            }
            return new UpdateResult.Failed("HTTP " + e.getResponse().code());
        } catch (IOException e) {
            return new UpdateResult.Failed(e.toString());
        }
    }

    @Override
    public void tellPrivately(Recipient who, PrivateMessage message) {
        ObjectNode rendered = SlackPrivateMessages.render(renderer, message);
        if (who.replyUrl().isPresent()) {
            // response_url: works in DMs and channels the app is not in, and never touches the card.
            rendered.put("response_type", "ephemeral");
            rendered.put("replace_original", false);
            try {
                var response = slack.send(who.replyUrl().get(), rendered.toString());
                if (response.getCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // The handle may have expired or been used up: the ephemeral path below still reaches them.
            }
        }
        call("chat.postEphemeral", () -> api.chatPostEphemeral(ChatPostEphemeralRequest.builder()
                .channel(who.conversation().conversationId())
                .user(who.userId()).text(rendered.get("text").asText())
                .blocksAsString(rendered.get("blocks").toString()).build()));
    }

    /** Ephemeral (or response_url) messages reach one person: the code is sent when it is issued. */
    @Override
    public CodeDelivery codeDelivery() {
        return CodeDelivery.PRIVATE_MESSAGE;
    }

    @Override
    public String postAuditRoot(ConversationRef where, LocalDate utcDay) {
        ObjectNode root = renderer.auditRoot(utcDay);
        return call("chat.postMessage", () -> api.chatPostMessage(ChatPostMessageRequest.builder()
                .channel(where.conversationId())
                .text(root.get("text").asText()).unfurlLinks(false).build())).getTs();
    }

    @Override
    public void replyInAuditThread(ThreadRef thread, AuditEntry entry) {
        ObjectNode reply = renderer.auditReply(entry);
        call("chat.postMessage", () -> api.chatPostMessage(ChatPostMessageRequest.builder()
                .channel(thread.conversation().conversationId())
                .threadTs(thread.rootMessageId()).text(reply.get("text").asText()).unfurlLinks(false).build()));
    }

    @Override
    public void postNotice(ConversationRef where, NoticeView notice) {
        ObjectNode message = renderer.notice(notice);
        call("chat.postMessage", () -> api.chatPostMessage(ChatPostMessageRequest.builder()
                .channel(where.conversationId())
                .text(message.get("text").asText()).blocksAsString(message.get("blocks").toString())
                .unfurlLinks(false).unfurlMedia(false).build()));
    }

    @Override
    public UpdateLimits updateLimits() {
        return limits;
    }

    @Override
    public String budgetScope(CardRef card) {
        return "slack:" + card.conversation().workspace();
    }

    /* Posts and private messages go through the one retry loop (Slack keeps no budget for them here). */
    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        return calls.call("slack:" + method, () -> once(method, call));
    }

    private static <T extends SlackApiTextResponse> T once(String method, SlackCall<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw new RetryableCallException(method + " answered HTTP 429", advice("ratelimited"), true,
                        retryAfter(e), e);
            }
            if (status >= 500) {
                throw new RetryableCallException(method + " answered HTTP " + status, "Slack is not answering right now; "
                        + "try again in a moment.", false, Optional.empty(), e);
            }
            throw new ChatPlatformException(method + " answered HTTP " + status, "", e);
        } catch (ConnectException | UnknownHostException e) {
            // Nothing reached Slack, so trying again cannot post the same message twice.
            throw new RetryableCallException(method + " failed: " + e, UNREACHABLE, false, Optional.empty(), e);
        } catch (IOException e) {
            // Slack may have posted it before the answer was lost: another try could post it twice.
            throw new ChatPlatformException(method + " failed: " + e, UNREACHABLE, e);
        }
        if (!response.isOk()) {
            String error = response.getError();
            if ("ratelimited".equals(error) || TRANSIENT.contains(error)) {
                throw new RetryableCallException(method + " answered " + error, advice(error), "ratelimited".equals(error),
                        Optional.empty(), null);
            }
            throw new ChatPlatformException(method + " answered " + error, advice(error));
        }
        return response;
    }

    private static String advice(String error) {
        return switch (error == null ? "" : error) {
            case "not_in_channel", "channel_not_found" ->
                    "Invite the app to this channel (/invite @Helpdesk Verify), or run the command in a channel it is in.";
            case "is_archived" -> "This channel is archived; use another one.";
            case "invalid_auth", "not_authed", "token_revoked", "account_inactive" ->
                    "The app's Slack token is not valid; ask your admin to check SLACK_BOT_TOKEN.";
            case "ratelimited" -> "Slack is rate limiting this workspace; try again in a few seconds.";
            default -> "Try again in a moment.";
        };
    }

    private static Optional<Duration> retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip()))));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }
}
