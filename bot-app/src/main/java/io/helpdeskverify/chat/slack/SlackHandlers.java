package io.helpdeskverify.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.cards.CardAction;
import io.helpdeskverify.chat.ChatFlow;
import io.helpdeskverify.chat.core.StoreAway;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.ChatRequest;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.chat.TechnicianActions;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.Technician;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash command and the card buttons on a Bolt {@link App}. Each handler acknowledges at once
 * (Slack gives up after 3 s and shows the user an error) and hands the work to the chat executor.
 */
class SlackHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);
    /* Slack may send a typed email as <mailto:jdoe@acme.com|jdoe@acme.com>: keep what the user typed. */
    private static final Pattern MAILTO = Pattern.compile("<mailto:[^|>]*\\|([^>]*)>");

    private final ChatFlow flow;
    private final TechnicianActions actions;
    private final ChatPlatform platform;
    private final Executor executor;
    private final SlackDisplayNames names;

    SlackHandlers(ChatFlow flow, TechnicianActions actions, ChatPlatform platform, Executor executor,
                  SlackDisplayNames names) {
        this.flow = flow;
        this.actions = actions;
        this.platform = platform;
        this.executor = executor;
        this.names = names;
    }

    void register(App app, String command) {
        app.command(command, (req, ctx) -> {
            var p = req.getPayload();
            var requester = new Recipient(ConversationRef.slack(p.getTeamId(), p.getChannelId()), p.getUserId(),
                    Optional.ofNullable(p.getResponseUrl()).filter(u -> !u.isBlank()));
            String text = MAILTO.matcher(p.getText() == null ? "" : p.getText()).replaceAll("$1");
            // Bolt's payload has no user_team: a Slack Connect guest's own workspace is read from the form.
            var context = TechnicianContext.slack(p.getTeamId(),
                    formField(req.getRequestBodyAsString(), "user_team").or(() -> Optional.ofNullable(p.getTeamId())),
                    p.getUserId(), p.getChannelId());
            executor.execute(() -> flow.handle(new ChatRequest(
                    new Technician(Platform.SLACK, p.getUserId(), names.nameOf(p.getUserId(), p.getUserName())),
                    requester, text, context)));
            return ctx.ack();
        });
        for (CardAction action : CardAction.values()) {
            app.blockAction(action.id(), (req, ctx) -> {
                var p = req.getPayload();
                executor.execute(() -> decide(action, p));
                return ctx.ack();
            });
        }
        app.blockAction(ChatFlow.PICK_ACTION, (req, ctx) -> {
            var p = req.getPayload();
            executor.execute(() -> pick(p));
            return ctx.ack();
        });
    }

    private void decide(CardAction action, BlockActionPayload p) {
        Recipient who = recipient(p);
        try {
            String verificationId = value(p).orElse("");
            Optional<PrivateMessage> answer = actions.handle(action, verificationId, technician(p), context(p));
            answer.ifPresent(m -> platform.tellPrivately(who, m));
        } catch (RuntimeException e) {
            if (StoreAway.isCause(e)) {
                log.warn("Handling {} answered 'store unavailable': {}", action, e.toString());
                tellQuietly(who, StoreAway.notice());
                return;
            }
            log.error("Handling {} failed", action, e);
            tellQuietly(who, PrivateMessage.Notice.error("Something went wrong on our side; your click may not have "
                    + "been recorded.", "Look at the card: if it did not change, press the button again."));
        }
    }

    private void pick(BlockActionPayload p) {
        Optional<String> choice = value(p);
        if (choice.isEmpty()) {
            return;
        }
        flow.handle(new ChatRequest(technician(p), recipient(p), choice.get(), context(p)));
    }

    private void tellQuietly(Recipient who, PrivateMessage message) {
        try {
            platform.tellPrivately(who, message);
        } catch (RuntimeException e) {
            log.warn("Could not tell {} privately: {}", who.userId(), e.getMessage());
        }
    }

    private Technician technician(BlockActionPayload p) {
        String handle = p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
        return new Technician(Platform.SLACK, p.getUser().getId(), names.nameOf(p.getUser().getId(), handle));
    }

    /**
     * The request arrived for {@code team.id}; the clicking person belongs to {@code user.team_id},
     * which differs for a Slack Connect guest in a shared channel.
     */
    private static TechnicianContext context(BlockActionPayload p) {
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        String channel = p.getChannel() != null ? p.getChannel().getId() : p.getContainer().getChannelId();
        return TechnicianContext.slack(team, Optional.ofNullable(p.getUser().getTeamId()), p.getUser().getId(), channel);
    }

    static Optional<String> formField(String body, String name) {
        if (body == null) {
            return Optional.empty();
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)).filter(v -> !v.isBlank());
            }
        }
        return Optional.empty();
    }

    private static Recipient recipient(BlockActionPayload p) {
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        String channel = p.getChannel() != null ? p.getChannel().getId() : p.getContainer().getChannelId();
        return new Recipient(ConversationRef.slack(team, channel), p.getUser().getId(),
                Optional.ofNullable(p.getResponseUrl()).filter(u -> !u.isBlank()));
    }

    /** A button's value, or a menu's selected option. */
    private static Optional<String> value(BlockActionPayload p) {
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return Optional.empty();
        }
        var action = p.getActions().get(0);
        if (action.getValue() != null) {
            return Optional.of(action.getValue());
        }
        return Optional.ofNullable(action.getSelectedOption()).map(o -> o.getValue());
    }
}
