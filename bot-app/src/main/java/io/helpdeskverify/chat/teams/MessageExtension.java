package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import io.helpdeskverify.cards.AdaptiveCardRenderer;
import io.helpdeskverify.cards.VerifyDialogView;
import io.helpdeskverify.chat.ChatFlow;
import io.helpdeskverify.chat.ChatRequest;
import io.helpdeskverify.chat.MethodOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The message extension's action command {@code verify}: a small dialog (end user, customer,
 * method) whose submission runs the very same command as typing {@code verify user@customer --sms}.
 */
class MessageExtension {

    static final String COMMAND_ID = "verify";
    /* Dialog value → command option; "" lets the technician pick among what the user can receive. */
    /**
     * The dialog's "let me choose" entry. Microsoft's card library refuses a choice with an empty
     * value, so it has a name of its own; an empty submission (an older dialog) still means the same.
     */
    static final String ANY_METHOD = "any";
    static final Map<String, String> METHODS = methods();

    private final ChatFlow flow;
    private final Executor executor;
    private final ObjectMapper json;
    private final TeamsProperties props;
    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    MessageExtension(ChatFlow flow, Executor executor, ObjectMapper json,
                     TeamsProperties props) {
        this.flow = flow;
        this.executor = executor;
        this.json = json;
        this.props = props;
    }

    InvokeResponse fetchTask(Activity a) {
        return dialog("", "", ANY_METHOD, "");
    }

    /** @param repeat Teams sent this submission before: it is being handled, do not start twice */
    InvokeResponse submit(Activity a, boolean repeat) {
        JsonNode data = json.valueToTree(a.getValue() == null ? json.createObjectNode() : a.getValue()).path("data");
        String user = data.path("user").asText("").strip();
        String customer = data.path("customer").asText("").strip();
        String method = data.path("method").asText("").strip();
        if (method.isEmpty()) {
            method = ANY_METHOD;
        }
        if (user.isEmpty() || (customer.isEmpty() && !user.contains("@"))) {
            return dialog(user, customer, method, "Enter the end user and the customer.");
        }
        if (!METHODS.containsKey(method)) {
            return dialog(user, customer, ANY_METHOD, "Choose a method from the list.");
        }
        if (repeat) {
            return new InvokeResponse(200, null);
        }
        String text = "verify " + user + (customer.isEmpty() ? "" : "@" + customer) + (method.equals(ANY_METHOD) ? "" : " --" + method);
        var request = new ChatRequest(TeamsActivities.technician(a), TeamsActivities.requester(a), text,
                TeamsActivities.context(a, props.appTenantId()));
        executor.execute(() -> flow.handle(request));
        // An empty answer closes the dialog; the card (or a private answer) follows from the flow.
        return new InvokeResponse(200, null);
    }

    private InvokeResponse dialog(String user, String customer, String method, String problem) {
        ObjectNode body = json.createObjectNode();
        ObjectNode task = body.putObject("task");
        task.put("type", "continue");
        ObjectNode value = task.putObject("value");
        value.put("title", "Verify a caller");
        value.put("height", "medium");
        value.put("width", "small");
        ObjectNode card = value.putObject("card");
        card.put("contentType", TeamsMessages.ADAPTIVE_CARD);
        card.set("content", dialogCard(user, customer, method, problem));
        return new InvokeResponse(200, body);
    }

    ObjectNode dialogCard(String user, String customer, String method, String problem) {
        var choices = METHODS.entrySet().stream().map(e -> new VerifyDialogView.Choice(e.getKey(), e.getValue())).toList();
        return renderer.verifyDialog(new VerifyDialogView(user, customer, method, problem, choices, COMMAND_ID));
    }

    private static Map<String, String> methods() {
        var m = new LinkedHashMap<String, String>();
        m.put(ANY_METHOD, "Let me choose (what the user can receive)");
        MethodOption.all().forEach(o -> m.put(o.option(), o.choiceTitle()));
        return java.util.Collections.unmodifiableMap(m);
    }
}
