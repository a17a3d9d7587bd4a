package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.cards.AdaptiveCardRenderer;
import io.helpdeskverify.cards.CardAction;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.chat.cards.CardViewMapper;
import io.helpdeskverify.chat.ChatFlow;
import io.helpdeskverify.chat.ChatRequest;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.chat.TechnicianActions;
import io.helpdeskverify.chat.cards.TechnicianCodes;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * {@code adaptiveCard/action} invokes: the refresh that gives the requesting technician their
 * personal view (code and buttons), Approve / Deny / Cancel, and picker choices. Each answer is the
 * card the clicking user sees from now on, or a short message when the card should stay as it is
 * (a refusal). Everything here is Redis work, well inside Teams' 5-second limit; starting a
 * verification from a picker runs on the chat executor.
 */
class CardInvokes {

    static final String REFRESH = "refresh";

    private final VerificationService verifications;
    private final CardViewMapper mapper;
    private final TechnicianCodes codes;
    private final TechnicianActions actions;
    private final ChatFlow flow;
    private final TeamsPrivateMessages privateMessages;
    private final Executor executor;
    private final ObjectMapper json;
    private final TeamsProperties props;
    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    CardInvokes(VerificationService verifications, CardViewMapper mapper, TechnicianCodes codes,
                TechnicianActions actions, ChatFlow flow, TeamsPrivateMessages privateMessages,
                Executor executor, ObjectMapper json, TeamsProperties props) {
        this.verifications = verifications;
        this.mapper = mapper;
        this.codes = codes;
        this.actions = actions;
        this.flow = flow;
        this.privateMessages = privateMessages;
        this.executor = executor;
        this.json = json;
        this.props = props;
    }

    /** @param repeat Teams sent this invoke before: answer it, but do not act twice */
    InvokeResponse handle(Activity a, boolean repeat) {
        JsonNode action = json.valueToTree(a.getValue() == null ? json.createObjectNode() : a.getValue()).path("action");
        String verb = action.path("verb").asText("");
        JsonNode data = action.path("data");
        Technician who = TeamsActivities.technician(a);
        if (ChatFlow.PICK_ACTION.equals(verb)) {
            return repeat ? InvokeResponses.message("On it.") : pick(a, who, data);
        }
        String verificationId = data.path("verificationId").asText("");
        if (verificationId.isBlank()) {
            return InvokeResponses.message("This card is missing its verification; start a new one.");
        }
        if (REFRESH.equals(verb) || repeat) {
            return view(verificationId, who, TeamsActivities.context(a, props.appTenantId()));
        }
        Optional<CardAction> pressed = List.of(CardAction.values()).stream().filter(c -> c.id().equals(verb)).findFirst();
        if (pressed.isEmpty()) {
            return InvokeResponses.message("This button is not known to this version of Helpdesk Verify.");
        }
        Optional<PrivateMessage> said = actions.handle(pressed.get(), verificationId, who,
                TeamsActivities.context(a, props.appTenantId()));
        return said.map(m -> InvokeResponses.message(text(m)))
                .orElseGet(() -> view(verificationId, who, TeamsActivities.context(a, props.appTenantId())));
    }

    /**
     * The technician who asked gets the personal view (while they may still verify the customer:
     * withdrawn access hides the code too); anyone else the status everyone sees.
     */
    private InvokeResponse view(String verificationId, Technician who, TechnicianContext where) {
        Optional<Verification> found = verifications.find(verificationId);
        if (found.isEmpty()) {
            return InvokeResponses.message("This verification no longer exists.");
        }
        Verification v = found.get();
        var view = mapper.view(v);
        return codes.personalView(v, who, where)
                .map(mine -> InvokeResponses.card(renderer.technicianCard(view, mine.code(), mine.instruction())))
                .orElseGet(() -> InvokeResponses.card(renderer.observerCard(view)));
    }

    private InvokeResponse pick(Activity a, Technician who, JsonNode data) {
        String choice = data.path("choice").asText("").strip();
        if (choice.isEmpty()) {
            return InvokeResponses.message("Choose one of the options first.");
        }
        var where = privateMessages.origin(data.path(TeamsPrivateMessages.ORIGIN).asText(""), who.id())
                .orElseGet(() -> TeamsActivities.conversation(a));
        var request = new ChatRequest(who, new Recipient(where, who.id(), Optional.empty()), choice,
                TeamsActivities.context(a, props.appTenantId()));
        executor.execute(() -> flow.handle(request));
        return InvokeResponses.card(renderer.notice(new NoticeView("On it.",
                List.of("The verification card will appear in the conversation where you asked."), NoticeView.Tone.INFO)));
    }

    static String text(PrivateMessage m) {
        if (m instanceof PrivateMessage.Notice n) {
            var lines = String.join(" ", n.view().lines());
            return lines.isBlank() ? n.view().title() : n.view().title() + " " + lines;
        }
        return "Done.";
    }
}
