package io.helpdeskverify.cards;

import static io.helpdeskverify.cards.AdaptiveCards.bold;
import static io.helpdeskverify.cards.AdaptiveCards.richText;
import static io.helpdeskverify.cards.AdaptiveCards.run;
import static io.helpdeskverify.cards.AdaptiveCards.subtle;
import static io.helpdeskverify.cards.AdaptiveCards.textBlock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Teams messages as Adaptive Cards 1.5 with Universal Actions. Pure functions, like
 * {@link BlockKitRenderer}, and the same facts in the same order.
 *
 * <p>Untrusted text only ever goes into plain {@code TextRun}s (see {@link AdaptiveCards}). Lengths
 * are capped because Teams rejects a message over about 28 KB, and a refused card update would
 * leave a stale state on screen: with the caps below the longest verification card stays far under.
 */
public final class AdaptiveCardRenderer {

    /* Raw characters. A 256-character display name fits whole. */
    private static final int TEXT_MAX = 1000;
    private static final int LINE_MAX = 250;
    /* Teams buttons show one short line. */
    private static final int BUTTON_TITLE_MAX = 75;
    private static final int CHOICE_TITLE_MAX = 150;
    private static final int PICKER_BUTTONS_MAX = 5;

    /**
     * The status view everyone in the conversation sees: no code, no buttons. While the
     * verification runs it asks the requesting technician's client (and only that one) to refresh,
     * which is how that technician gets {@link #technicianCard} instead.
     */
    public ObjectNode observerCard(VerificationCardView v) {
        requireCard(v);
        ObjectNode card = AdaptiveCards.card(body(v, false, Optional.empty()));
        if (v.phase() == CardPhase.WAITING_FOR_SECOND_TECHNICIAN) {
            // Dual control: the second technician is anyone but the requester, so the shared view has the buttons.
            addActions(card, v, EnumSet.of(CardAction.APPROVE, CardAction.DENY));
        }
        addRefresh(card, v);
        return card;
    }

    /**
     * The requesting technician's personal view: the observer card plus the code (when there is
     * one) and a button for each action the technician may take now.
     */
    public ObjectNode technicianCard(VerificationCardView v, Optional<String> code, CodeInstruction instruction) {
        requireCard(v);
        Objects.requireNonNull(instruction, "instruction");
        Optional<ObjectNode> codeBlock = code.map(c -> codeBlock(v, c, instruction));
        ObjectNode card = AdaptiveCards.card(body(v, true, codeBlock));
        // Under dual control the requester can no longer approve or deny; only cancel stays theirs.
        addActions(card, v, v.phase() == CardPhase.WAITING_FOR_SECOND_TECHNICIAN
                ? EnumSet.of(CardAction.CANCEL) : EnumSet.allOf(CardAction.class));
        addRefresh(card, v);
        return card;
    }

    /** The view's buttons that are also in {@code allowed}, always in APPROVE, DENY, CANCEL order. */
    private static void addActions(ObjectNode card, VerificationCardView v, Set<CardAction> allowed) {
        List<ObjectNode> actions = new ArrayList<>();
        for (CardAction action : CardAction.values()) {
            if (v.actions().contains(action) && allowed.contains(action)) {
                actions.add(action(action, v.verificationId()));
            }
        }
        if (!actions.isEmpty()) {
            card.set("actions", AdaptiveCards.array(actions));
        }
    }

    public ObjectNode notice(NoticeView notice) {
        List<ObjectNode> items = new ArrayList<>();
        ObjectNode title = bold(cap(notice.title(), TEXT_MAX));
        title.put("size", "medium");
        items.add(richText(title));
        Capped<String> lines = Capped.of(notice.lines(), CardText.NOTICE_LINES_MAX, 0);
        lines.head().forEach(l -> items.add(richText(run(cap(l, TEXT_MAX)))));
        if (lines.omitted() > 0) {
            items.add(subtle(textBlock(CardText.omitted(lines.omitted(), "more line", "more lines"))));
        }
        String style = switch (notice.tone()) {
            case INFO -> "emphasis";
            case WARNING -> "warning";
            case ERROR -> "attention";
        };
        return AdaptiveCards.card(List.of(AdaptiveCards.container(style, items)));
    }

    /**
     * Up to {@value #PICKER_BUTTONS_MAX} options as one button each; more as a choice set with one
     * "Choose" button. Either way the chosen value arrives as {@code data.choice} with verb
     * {@code actionId}.
     */
    public ObjectNode picker(PickerView picker) {
        List<ObjectNode> body = new ArrayList<>();
        body.add(richText(run(cap(picker.prompt(), TEXT_MAX))));
        List<ObjectNode> actions = new ArrayList<>();
        List<PickerView.Option> options = picker.options();
        if (options.isEmpty()) {
            body.add(subtle(textBlock("Nothing to choose from.")));
        } else if (options.size() <= PICKER_BUTTONS_MAX) {
            for (PickerView.Option o : options) {
                List<ObjectNode> runs = new ArrayList<>(List.of(bold(cap(o.label(), TEXT_MAX))));
                if (!o.description().isBlank()) {
                    runs.add(run(" · " + cap(o.description(), TEXT_MAX)));
                }
                body.add(richText(runs));
                ObjectNode data = AdaptiveCards.object();
                data.put("choice", o.value());
                actions.add(AdaptiveCards.execute(cap(o.label(), BUTTON_TITLE_MAX), picker.actionId(), data));
            }
        } else {
            Capped<PickerView.Option> shown = Capped.of(options, CardText.PICKER_OPTIONS_MAX, 0);
            body.add(choiceSet(shown.head()));
            if (shown.omitted() > 0) {
                body.add(subtle(textBlock(
                        CardText.omitted(shown.omitted(), "more match", "more matches") + "; narrow the search.")));
            }
            actions.add(AdaptiveCards.execute("Choose", picker.actionId(), AdaptiveCards.object()));
        }
        ObjectNode card = AdaptiveCards.card(body);
        if (!actions.isEmpty()) {
            card.set("actions", AdaptiveCards.array(actions));
        }
        return card;
    }

    /**
     * The message extension's form: end user, customer (optional when the user is typed as
     * user@customer), method, and a submit button. Typed values come back as input values, never
     * as markdown.
     */
    public ObjectNode verifyDialog(VerifyDialogView dialog) {
        var body = new ArrayList<ObjectNode>();
        if (!dialog.problem().isEmpty()) {
            ObjectNode problem = AdaptiveCards.textBlock(dialog.problem());
            problem.put("color", "attention");
            body.add(problem);
        }
        body.add(textInput("user", "End user", "Username, email or display name", dialog.user(), true));
        body.add(textInput("customer", "Customer", "Short name or email domain, e.g. acme", dialog.customer(), false));
        ObjectNode choice = AdaptiveCards.object();
        choice.put("type", "Input.ChoiceSet");
        choice.put("id", "method");
        choice.put("label", "Method");
        choice.put("style", "compact");
        choice.put("value", dialog.method());
        var choices = choice.putArray("choices");
        dialog.methods().forEach(m -> choices.addObject().put("title", m.title()).put("value", m.value()));
        body.add(choice);
        ObjectNode card = AdaptiveCards.card(body);
        ObjectNode submit = card.putArray("actions").addObject();
        submit.put("type", "Action.Submit");
        submit.put("title", "Verify");
        submit.putObject("data").put("hv", dialog.commandId());
        return card;
    }

    private static ObjectNode textInput(String id, String label, String placeholder, String value, boolean required) {
        ObjectNode in = AdaptiveCards.object();
        in.put("type", "Input.Text");
        in.put("id", id);
        in.put("label", label);
        in.put("placeholder", placeholder);
        in.put("isRequired", required);
        in.put("errorMessage", "Required");
        in.put("maxLength", 200);
        in.put("value", value);
        return in;
    }

    /** The newest {@value CardText#EVENTS_MAX} events, oldest first, times in the reader's zone. */
    public ObjectNode eventList(EventListView events) {
        List<ObjectNode> body = new ArrayList<>();
        ObjectNode title = bold(cap(events.title(), TEXT_MAX));
        title.put("size", "medium");
        body.add(richText(title));
        Capped<EventListView.EventRow> rows = Capped.of(events.rows(), 0, CardText.EVENTS_MAX);
        if (rows.omitted() > 0) {
            body.add(subtle(textBlock(CardText.omitted(rows.omitted(), "earlier event", "earlier events"))));
        }
        rows.head().forEach(r -> body.add(eventRow(r)));
        rows.tail().forEach(r -> body.add(eventRow(r)));
        if (events.rows().isEmpty()) {
            body.add(subtle(textBlock("No events yet.")));
        }
        return AdaptiveCards.card(body);
    }

    /** Plain text for the root activity of the day's audit thread. */
    public String auditRootText(LocalDate utcDay) {
        return AuditText.rootTitle(utcDay);
    }

    /**
     * One audit thread reply, as a small card: a plain-text reply would be parsed as markdown and
     * HTML by Teams, with no escaping that every client honours.
     */
    public ObjectNode auditReply(AuditEntry entry) {
        List<ObjectNode> body = new ArrayList<>();
        body.add(richText(bold(cap(entry.kind(), TEXT_MAX))));
        body.add(subtle(textBlock(AdaptiveCards.localDateTime(entry.at()))));
        AuditText.facts(entry).forEach(f -> body.add(fact(f)));
        if (!entry.detail().isBlank()) {
            body.add(richText(run(cap(entry.detail(), TEXT_MAX))));
        }
        return AdaptiveCards.card(body);
    }

    private static List<ObjectNode> body(VerificationCardView v, boolean personal, Optional<ObjectNode> code) {
        List<ObjectNode> body = new ArrayList<>();
        ObjectNode title = textBlock(CardText.phaseTitle(v.phase(), personal));
        title.put("size", "large");
        title.put("weight", "bolder");
        title.put("style", "heading");
        body.add(AdaptiveCards.container(phaseStyle(v.phase()), List.of(title)));
        if (v.phase() == CardPhase.WAITING_FOR_SECOND_TECHNICIAN) {
            body.add(richText(run(cap(CardText.secondTechnicianHint(v, personal), TEXT_MAX))));
        }
        code.ifPresent(body::add);
        CardText.facts(v).forEach(f -> body.add(fact(f)));
        body.add(textBlock("**Deadline:** " + AdaptiveCards.localDateTime(v.deadline())));
        addDelivery(body, v.delivery());
        if (v.userReported()) {
            ObjectNode reported = textBlock("**" + CardText.USER_REPORTED + "**");
            reported.put("color", "attention");
            body.add(AdaptiveCards.container("attention", List.of(reported)));
        }
        addWarnings(body, v.warnings());
        v.outcome().ifPresent(o -> addOutcome(body, v.phase(), o));
        return body;
    }

    private static ObjectNode fact(Fact fact) {
        return richText(bold(fact.label() + ": "), run(cap(fact.value(), TEXT_MAX)));
    }

    private static void addDelivery(List<ObjectNode> body, List<VerificationCardView.DeliveryLine> ladder) {
        if (ladder.isEmpty()) {
            return;
        }
        ObjectNode heading = textBlock("**Delivery**");
        heading.put("spacing", "medium");
        body.add(heading);
        Capped<VerificationCardView.DeliveryLine> shown =
                Capped.of(ladder, CardText.DELIVERY_HEAD, CardText.DELIVERY_TAIL);
        shown.head().forEach(d -> body.add(deliveryRow(d)));
        if (shown.omitted() > 0) {
            body.add(subtle(textBlock(CardText.omitted(shown.omitted(), "more step", "more steps"))));
        }
        shown.tail().forEach(d -> body.add(deliveryRow(d)));
    }

    private static ObjectNode deliveryRow(VerificationCardView.DeliveryLine line) {
        return AdaptiveCards.row(
                subtle(textBlock(AdaptiveCards.localTime(line.at()))),
                richText(run(cap(line.text(), LINE_MAX))));
    }

    private static void addWarnings(List<ObjectNode> body, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        Capped<String> shown = Capped.of(warnings, CardText.WARNINGS_MAX, 0);
        List<ObjectNode> items = new ArrayList<>();
        shown.head().forEach(w -> items.add(richText(run("⚠ " + cap(w, LINE_MAX)))));
        if (shown.omitted() > 0) {
            items.add(textBlock("⚠ " + CardText.omitted(shown.omitted(), "more warning", "more warnings")));
        }
        body.add(AdaptiveCards.container("warning", items));
    }

    private static void addOutcome(List<ObjectNode> body, CardPhase phase, VerificationCardView.OutcomeLine o) {
        ObjectNode label = bold(cap(o.label(), TEXT_MAX));
        label.put("color", phaseColor(phase));
        List<ObjectNode> runs = new ArrayList<>(List.of(label));
        if (!Text.isBlank(o.decidedBy())) {
            runs.add(run(" · by " + cap(o.decidedBy(), TEXT_MAX)));
        }
        ObjectNode line = richText(runs);
        line.put("separator", true);
        body.add(line);
        ObjectNode when = subtle(textBlock(AdaptiveCards.localDateTime(o.at())));
        when.put("spacing", "none");
        body.add(when);
    }

    private static ObjectNode codeBlock(VerificationCardView v, String code, CodeInstruction instruction) {
        ObjectNode digits = textBlock(CardText.spacedCode(CardText.checkCode(code)));
        digits.put("fontType", "monospace");
        digits.put("size", "extraLarge");
        digits.put("weight", "bolder");
        return AdaptiveCards.container("emphasis", List.of(
                textBlock("**Verification code** (only you can see it)"),
                digits,
                richText(run(cap(CardText.instruction(instruction, Text.oneLine(v.endUserDisplayName())), TEXT_MAX)))));
    }

    private static ObjectNode action(CardAction action, String verificationId) {
        ObjectNode data = AdaptiveCards.object();
        data.put("verificationId", verificationId);
        ObjectNode button = AdaptiveCards.execute(CardText.actionLabel(action), action.id(), data);
        switch (action) {
            case APPROVE -> button.put("style", "positive");
            case DENY -> button.put("style", "destructive");
            case CANCEL -> { }
        }
        return button;
    }

    private static ObjectNode choiceSet(List<PickerView.Option> options) {
        ObjectNode set = AdaptiveCards.object();
        set.put("type", "Input.ChoiceSet");
        set.put("id", "choice");
        set.put("style", "compact");
        set.put("isRequired", true);
        set.put("errorMessage", "Choose one.");
        set.put("placeholder", "Choose…");
        set.set("choices", AdaptiveCards.array(options.stream().map(o -> {
            ObjectNode choice = AdaptiveCards.object();
            String title = o.description().isBlank() ? o.label() : o.label() + " · " + o.description();
            choice.put("title", cap(title, CHOICE_TITLE_MAX));
            choice.put("value", o.value());
            return choice;
        }).toList()));
        return set;
    }

    private static ObjectNode eventRow(EventListView.EventRow row) {
        List<ObjectNode> runs = new ArrayList<>(List.of(bold(cap(row.type(), LINE_MAX))));
        if (!row.detail().isBlank()) {
            runs.add(run(" · " + cap(row.detail(), TEXT_MAX)));
        }
        return AdaptiveCards.row(subtle(textBlock(AdaptiveCards.localDateTime(row.at()))), richText(runs));
    }

    /**
     * Only the requesting technician's client refreshes (Teams runs the refresh automatically for
     * the listed users only), and a final card needs no personal view any more.
     */
    private static void addRefresh(ObjectNode card, VerificationCardView v) {
        if (v.isFinal() || Text.isBlank(v.technicianPlatformUserId())) {
            return;
        }
        ObjectNode data = AdaptiveCards.object();
        data.put("verificationId", v.verificationId());
        ObjectNode refresh = card.putObject("refresh");
        ObjectNode action = refresh.putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", "refresh");
        action.set("data", data);
        refresh.putArray("userIds").add(v.technicianPlatformUserId());
    }

    private static String cap(String s, int max) {
        return Text.truncate(Text.oneLine(s), max);
    }

    private static void requireCard(VerificationCardView v) {
        Objects.requireNonNull(v, "view");
        Objects.requireNonNull(v.phase(), "phase");
        Objects.requireNonNull(v.deadline(), "deadline");
        Objects.requireNonNull(v.verificationId(), "verificationId");
    }

    private static String phaseStyle(CardPhase phase) {
        return switch (phase) {
            case SENDING, WAITING_FOR_USER, WAITING_FOR_TECHNICIAN, WAITING_FOR_SECOND_TECHNICIAN -> "emphasis";
            case VERIFIED -> "good";
            case UNABLE_TO_VERIFY, FAILED -> "attention";
            case EXPIRED, CANCELLED -> "warning";
        };
    }

    private static String phaseColor(CardPhase phase) {
        return switch (phase) {
            case VERIFIED -> "good";
            case UNABLE_TO_VERIFY, FAILED -> "attention";
            case EXPIRED, CANCELLED -> "warning";
            default -> "default";
        };
    }
}
