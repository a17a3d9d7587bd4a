package io.helpdeskverify.chat.teams;

import io.helpdeskverify.chat.store.SeenActivities;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.helpdeskverify.chat.core.AccessGuard;
import io.helpdeskverify.chat.core.StoreAway;
import io.helpdeskverify.chat.ChatFlow;
import io.helpdeskverify.chat.ChatRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated activity at a time: messages are commands for the shared chat flow (answered
 * at once, worked off the request thread); invokes are answered in the HTTP response. A repeat of
 * an activity Teams already sent is answered but never acted on twice.
 */
class TeamsHandlers implements Bot {

    private static final Logger log = LoggerFactory.getLogger(TeamsHandlers.class);

    private final TeamsProperties props;
    private final TeamsApi api;
    private final SeenActivities seen;
    private final CardInvokes cardInvokes;
    private final MessageExtension extension;
    private final ChatFlow flow;
    private final AccessGuard guard;
    private final Executor executor;

    TeamsHandlers(TeamsProperties props, TeamsApi api, SeenActivities seen, CardInvokes cardInvokes,
             MessageExtension extension, ChatFlow flow, AccessGuard guard,
             Executor executor) {
        this.props = props;
        this.api = api;
        this.seen = seen;
        this.cardInvokes = cardInvokes;
        this.extension = extension;
        this.flow = flow;
        this.guard = guard;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity a = turn.getActivity();
        checkTenant(a);
        api.learnBotAccount(a);
        if (ActivityTypes.MESSAGE.equals(a.getType())) {
            onMessage(a);
            return CompletableFuture.completedFuture(null);
        }
        if (ActivityTypes.CONVERSATION_UPDATE.equals(a.getType())) {
            onConversationUpdate(a);
            return CompletableFuture.completedFuture(null);
        }
        if (ActivityTypes.INVOKE.equals(a.getType())) {
            Activity answer = new Activity(ActivityTypes.INVOKE_RESPONSE);
            answer.setValue(invoke(a));
            return turn.sendActivity(answer).thenApply(r -> null);
        }
        return CompletableFuture.completedFuture(null);
    }

    private void onMessage(Activity a) {
        var request = new ChatRequest(TeamsActivities.technician(a), TeamsActivities.requester(a),
                TeamsActivities.commandText(a), TeamsActivities.context(a, props.appTenantId()));
        if (!firstTime(a)) {
            log.info("Teams sent message {} again; already handled", a.getId());
            return;
        }
        executor.execute(() -> flow.handle(request));
    }

    /* Installed for someone personally: greet them with the usage, the one thing they need first. */
    private void onConversationUpdate(Activity a) {
        if (a.getMembersAdded() == null || a.getRecipient() == null || a.getFrom() == null
                || !TeamsActivities.isPersonal(TeamsActivities.conversation(a).conversationId())) {
            return;
        }
        boolean botAdded = a.getMembersAdded().stream().anyMatch(m -> a.getRecipient().getId().equals(m.getId()));
        if (botAdded && firstTime(a)) {
            var request = new ChatRequest(TeamsActivities.technician(a), TeamsActivities.requester(a), "help",
                    TeamsActivities.context(a, props.appTenantId()));
            executor.execute(() -> flow.handle(request));
        }
    }

    /*
     * Whether this activity is new. With Redis away the deduplicator cannot say; the message goes on
     * to the flow, which answers that the store is away (a Teams retry then at worst hears it twice).
     */
    private boolean firstTime(Activity a) {
        try {
            return seen.firstTime(a.getConversation().getId(), a.getId());
        } catch (RuntimeException e) {
            if (!StoreAway.isCause(e)) {
                throw e;
            }
            return true;
        }
    }

    private InvokeResponse invoke(Activity a) {
        TeamsActivities.conversation(a);
        String name = a.getName() == null ? "" : a.getName();
        try {
            boolean repeat = !seen.firstTime(a.getConversation().getId(), a.getId());
            return switch (name) {
                case "adaptiveCard/action" -> cardInvokes.handle(a, repeat);
                case "composeExtension/fetchTask" -> extension.fetchTask(a);
                case "composeExtension/submitAction" -> extension.submit(a, repeat);
                default -> new InvokeResponse(501, null);
            };
        } catch (IllegalArgumentException e) {
            return InvokeResponses.message(e.getMessage());
        } catch (RuntimeException e) {
            if (StoreAway.isCause(e)) {
                log.warn("Teams invoke {} answered 'store unavailable': {}", name, e.toString());
                return InvokeResponses.message(StoreAway.text());
            }
            log.error("Teams invoke {} failed", name, e);
            return InvokeResponses.message("Something went wrong on our side. Try again in a moment.");
        }
    }

    /*
     * A single-tenant bot serves its own tenant only, whatever else a valid token would allow; an
     * activity naming no tenant is refused too (and in strict mode without a configured tenant).
     * Answered with 403 here rather than a chat message: the bot has no business sending into
     * another organisation's conversations. The refusal is recorded like any other.
     */
    private void checkTenant(Activity a) {
        if (a.getFrom() == null || a.getFrom().getId() == null || a.getFrom().getId().isBlank()) {
            return;
        }
        var context = TeamsActivities.context(a, props.appTenantId());
        String what = ActivityTypes.INVOKE.equals(a.getType()) ? "invoke " + a.getName() : a.getType() + " activity";
        guard.refuseAtTheDoor(TeamsActivities.technician(a), context, what).ifPresent(message -> {
            throw new ForeignTenantException(message + " (activity tenant: "
                    + context.userWorkspace().orElse("none") + (props.singleTenant() ? ", this bot serves "
                    + props.appTenantId() : "") + ")");
        });
    }

    static class ForeignTenantException extends RuntimeException {
        ForeignTenantException(String message) {
            super(message);
        }
    }
}
