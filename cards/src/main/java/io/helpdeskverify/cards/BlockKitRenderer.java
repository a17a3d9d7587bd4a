package io.helpdeskverify.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Slack messages (Block Kit) for every view the bot shows. Pure functions: same input, same JSON;
 * the bot serialises the result for the Slack SDK.
 *
 * <p>Every string from the directory, the technician or the end user goes through {@link Mrkdwn}
 * with a budget, so no display name can mention {@code @channel} or hide a link, and no input
 * length can push a message over Slack's limits (see {@link BlockKit}). Budgets below are in
 * escaped characters and chosen so that each block's sum stays under its limit even when every
 * slot is full; the arithmetic is noted next to each.
 */
public final class BlockKitRenderer {

    /* Notification text: long enough for a name and a customer, far below MESSAGE_TEXT_MAX. */
    private static final int SUMMARY_MAX = 1000;
    /* Delivery and warning lines: 8 delivery lines x (250 + ~50 for bullet and date) and
       10 warnings x (250 + 10) both stay under 3000 with the heading and the "not shown" line. */
    private static final int LINE_MAX = 250;
    private static final int OUTCOME_LABEL_MAX = 200;
    private static final int DECIDED_BY_MAX = 500;
    /* A 256-character display name made only of '&' escapes to 1280 characters; 1300 keeps it whole. */
    private static final int NAME_MAX = 1300;
    private static final int INSTRUCTION_MAX = 2500;
    /* The hint names the technician (NAME_MAX) in about 80 characters of our own. */
    private static final int SECOND_HINT_MAX = NAME_MAX + 200;
    private static final int NOTICE_TITLE_MAX = 2800;
    /* 40 notice lines of at most 1000 pack two to a section: 20 sections + title < 50 blocks. */
    private static final int NOTICE_LINE_MAX = 1000;
    private static final int PICK_LABEL_MAX = 1000;
    private static final int PICK_DESCRIPTION_MAX = 1500;
    private static final int EVENT_TYPE_MAX = 100;
    /* 20 events of at most ~980 characters pack into at most 10 sections. */
    private static final int EVENT_DETAIL_MAX = 800;
    private static final int AUDIT_KIND_MAX = 200;
    /* Audit reply: 200 + ~70 (date) + 4 x (label + 300) + 1200 stays under MESSAGE_TEXT_MAX. */
    private static final int AUDIT_FACT_MAX = 300;
    private static final int AUDIT_DETAIL_MAX = 1200;
    /* Five options still read well as one section each with a "Choose" button; more need a menu. */
    private static final int PICKER_BUTTONS_MAX = 5;

    /** The verification card posted in the channel, seen by everyone; never carries the code. */
    public ObjectNode channelCard(VerificationCardView v, Instant now) {
        requireCard(v);
        Objects.requireNonNull(now, "now");
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(BlockKit.header("hv_header", phaseEmoji(v.phase()) + " " + CardText.phaseTitle(v.phase(), false)));
        blocks.add(BlockKit.fields("hv_facts", CardText.facts(v).stream().map(BlockKitRenderer::field).toList()));
        if (v.phase() == CardPhase.WAITING_FOR_SECOND_TECHNICIAN) {
            blocks.add(BlockKit.section("hv_second_technician", ":busts_in_silhouette: "
                    + Mrkdwn.escape(Text.oneLine(CardText.secondTechnicianHint(v, false)), SECOND_HINT_MAX)));
        }
        blocks.add(BlockKit.section("hv_deadline", deadline(v, now)));
        if (!v.delivery().isEmpty()) {
            blocks.add(BlockKit.section("hv_delivery", delivery(v.delivery())));
        }
        if (v.userReported()) {
            blocks.add(BlockKit.section("hv_user_reported", ":rotating_light: *" + CardText.USER_REPORTED + "*"));
        }
        if (!v.warnings().isEmpty()) {
            blocks.add(BlockKit.section("hv_warnings", warnings(v.warnings())));
        }
        v.outcome().ifPresent(o -> blocks.add(BlockKit.section("hv_outcome", outcome(v.phase(), o))));
        List<ObjectNode> buttons = buttons(v);
        if (!buttons.isEmpty()) {
            blocks.add(BlockKit.actions("hv_actions", buttons));
        }
        return BlockKit.message(Mrkdwn.escape(Text.oneLine(CardText.summary(v, false)), SUMMARY_MAX), blocks);
    }

    /**
     * The ephemeral message that shows the code to the requesting technician only. The code is in
     * the blocks and never in the fallback text: that text is what phones show in notification
     * previews and on the lock screen, where anyone near the technician could read it.
     */
    public ObjectNode codeMessage(VerificationCardView v, String code, CodeInstruction instruction) {
        requireCard(v);
        String spaced = CardText.spacedCode(CardText.checkCode(code));
        Objects.requireNonNull(instruction, "instruction");
        String name = Text.oneLine(v.endUserDisplayName());
        List<ObjectNode> blocks = List.of(
                BlockKit.section("hv_code_intro", "*Verification code for " + Mrkdwn.escape(name, NAME_MAX) + "*"),
                BlockKit.header("hv_code", spaced),
                BlockKit.section("hv_code_instruction",
                        Mrkdwn.escape(CardText.instruction(instruction, name), INSTRUCTION_MAX)
                                + "\nValid until " + BlockKit.time(v.deadline()) + "."),
                BlockKit.context("hv_code_private", "Only you can see this code."));
        String text = "Verification code for " + Mrkdwn.escape(name, SUMMARY_MAX) + ": open the message to see it "
                + "(only you can)";
        return BlockKit.message(text, blocks);
    }

    public ObjectNode notice(NoticeView notice) {
        String title = Mrkdwn.escape(Text.oneLine(notice.title()), NOTICE_TITLE_MAX);
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(BlockKit.section("hv_notice", toneEmoji(notice.tone()) + " *" + title + "*"));
        Capped<String> lines = Capped.of(notice.lines(), CardText.NOTICE_LINES_MAX, 0);
        List<String> texts = new ArrayList<>();
        lines.head().forEach(l -> texts.add(Mrkdwn.escape(Text.oneLine(l), NOTICE_LINE_MAX)));
        if (lines.omitted() > 0) {
            texts.add(CardText.omitted(lines.omitted(), "more line", "more lines"));
        }
        addPacked(blocks, "hv_notice_", texts);
        return BlockKit.message(Mrkdwn.escape(Text.oneLine(notice.title()), SUMMARY_MAX), blocks);
    }

    /**
     * Up to {@value #PICKER_BUTTONS_MAX} options as one section each with a button (every button
     * sits in its own block, so they can share the picker's action_id); more as one menu.
     */
    public ObjectNode picker(PickerView picker) {
        String prompt = Text.oneLine(picker.prompt());
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(BlockKit.section("hv_picker", Mrkdwn.escape(prompt, BlockKit.SECTION_TEXT_MAX)));
        List<PickerView.Option> options = picker.options();
        if (options.isEmpty()) {
            blocks.add(BlockKit.context("hv_picker_none", "Nothing to choose from."));
        } else if (options.size() <= PICKER_BUTTONS_MAX) {
            for (int i = 0; i < options.size(); i++) {
                PickerView.Option o = options.get(i);
                blocks.add(BlockKit.section("hv_pick_" + i, optionText(o),
                        BlockKit.button("Choose", picker.actionId(), o.value())));
            }
        } else {
            Capped<PickerView.Option> shown = Capped.of(options, CardText.PICKER_OPTIONS_MAX, 0);
            List<ObjectNode> items = shown.head().stream()
                    .map(o -> BlockKit.option(
                            Mrkdwn.escape(Text.oneLine(o.label()), BlockKit.OPTION_TEXT_MAX),
                            o.description().isBlank() ? ""
                                    : Mrkdwn.escape(Text.oneLine(o.description()), BlockKit.OPTION_TEXT_MAX),
                            o.value()))
                    .toList();
            blocks.add(BlockKit.actions("hv_picker_menu",
                    List.of(BlockKit.staticSelect(picker.actionId(), "Choose…", items))));
            if (shown.omitted() > 0) {
                blocks.add(BlockKit.context("hv_picker_more",
                        CardText.omitted(shown.omitted(), "more match", "more matches") + "; narrow the search."));
            }
        }
        return BlockKit.message(Mrkdwn.escape(prompt, SUMMARY_MAX), blocks);
    }

    /** The newest {@value CardText#EVENTS_MAX} events, oldest first, times in the reader's zone. */
    public ObjectNode eventList(EventListView events) {
        String title = Mrkdwn.escape(Text.oneLine(events.title()), NOTICE_TITLE_MAX);
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(BlockKit.section("hv_events", "*" + title + "*"));
        Capped<EventListView.EventRow> rows = Capped.of(events.rows(), 0, CardText.EVENTS_MAX);
        List<String> lines = new ArrayList<>();
        if (rows.omitted() > 0) {
            lines.add(CardText.omitted(rows.omitted(), "earlier event", "earlier events"));
        }
        for (EventListView.EventRow row : rows.head()) {
            lines.add(eventLine(row));
        }
        for (EventListView.EventRow row : rows.tail()) {
            lines.add(eventLine(row));
        }
        if (events.rows().isEmpty()) {
            lines.add("No events yet.");
        }
        addPacked(blocks, "hv_events_", lines);
        return BlockKit.message(Mrkdwn.escape(Text.oneLine(events.title()), SUMMARY_MAX), blocks);
    }

    /** The root of the day's audit thread; replies go under its ts. */
    public ObjectNode auditRoot(LocalDate utcDay) {
        return BlockKit.textOnly(AuditText.rootTitle(utcDay));
    }

    /** One audit thread reply, as mrkdwn text (a thread reply needs no blocks). */
    public ObjectNode auditReply(AuditEntry entry) {
        StringBuilder text = new StringBuilder()
                .append('*').append(Mrkdwn.escape(Text.oneLine(entry.kind()), AUDIT_KIND_MAX)).append("* · ")
                .append(BlockKit.time(entry.at()));
        List<String> facts = AuditText.facts(entry).stream()
                .map(f -> f.label() + ": " + Mrkdwn.escape(Text.oneLine(f.value()), AUDIT_FACT_MAX))
                .toList();
        if (!facts.isEmpty()) {
            text.append('\n').append(String.join(" · ", facts));
        }
        if (!entry.detail().isBlank()) {
            text.append('\n').append(Mrkdwn.escape(Text.oneLine(entry.detail()), AUDIT_DETAIL_MAX));
        }
        return BlockKit.textOnly(text.toString());
    }

    private static String field(Fact fact) {
        String label = "*" + fact.label() + "*\n";
        return label + Mrkdwn.escape(Text.oneLine(fact.value()), BlockKit.FIELD_TEXT_MAX - label.length());
    }

    private static String deadline(VerificationCardView v, Instant now) {
        String line = "*Deadline:* " + BlockKit.time(v.deadline());
        return v.isFinal() ? line : line + " · " + CardText.remaining(v.deadline(), now);
    }

    private static String delivery(List<VerificationCardView.DeliveryLine> ladder) {
        Capped<VerificationCardView.DeliveryLine> shown =
                Capped.of(ladder, CardText.DELIVERY_HEAD, CardText.DELIVERY_TAIL);
        List<String> lines = new ArrayList<>();
        lines.add("*Delivery*");
        shown.head().forEach(d -> lines.add(deliveryLine(d)));
        if (shown.omitted() > 0) {
            lines.add("• " + CardText.omitted(shown.omitted(), "more step", "more steps"));
        }
        shown.tail().forEach(d -> lines.add(deliveryLine(d)));
        return String.join("\n", lines);
    }

    private static String deliveryLine(VerificationCardView.DeliveryLine line) {
        return "• " + Mrkdwn.escape(Text.oneLine(line.text()), LINE_MAX) + " · " + BlockKit.time(line.at());
    }

    private static String warnings(List<String> warnings) {
        Capped<String> shown = Capped.of(warnings, CardText.WARNINGS_MAX, 0);
        List<String> lines = new ArrayList<>();
        shown.head().forEach(w -> lines.add(":warning: " + Mrkdwn.escape(Text.oneLine(w), LINE_MAX)));
        if (shown.omitted() > 0) {
            lines.add(":warning: " + CardText.omitted(shown.omitted(), "more warning", "more warnings"));
        }
        return String.join("\n", lines);
    }

    private static String outcome(CardPhase phase, VerificationCardView.OutcomeLine outcome) {
        String line = phaseEmoji(phase) + " *" + Mrkdwn.escape(Text.oneLine(outcome.label()), OUTCOME_LABEL_MAX)
                + "* · " + BlockKit.time(outcome.at());
        return Text.isBlank(outcome.decidedBy()) ? line
                : line + " · by " + Mrkdwn.escape(Text.oneLine(outcome.decidedBy()), DECIDED_BY_MAX);
    }

    /** APPROVE, DENY, CANCEL in that order whatever the set's order, so buttons never swap places. */
    private static List<ObjectNode> buttons(VerificationCardView v) {
        List<ObjectNode> buttons = new ArrayList<>();
        for (CardAction action : CardAction.values()) {
            if (v.actions().contains(action)) {
                buttons.add(button(action, v.verificationId()));
            }
        }
        return buttons;
    }

    /* Deny and cancel end the verification for good, so Slack asks once more before sending them. */
    private static ObjectNode button(CardAction action, String verificationId) {
        ObjectNode button = BlockKit.button(CardText.actionLabel(action), action.id(), verificationId);
        switch (action) {
            case APPROVE -> button.put("style", "primary");
            case DENY -> {
                button.put("style", "danger");
                button.set("confirm", BlockKit.confirm("Deny this verification?",
                        "The verification ends as Unable to verify, and the code stops working.",
                        "Deny", "Back", true));
            }
            case CANCEL -> button.set("confirm", BlockKit.confirm("Cancel this verification?",
                    "The code stops working and the verification is recorded as Cancelled.",
                    "Cancel verification", "Keep it", false));
        }
        return button;
    }

    private static String optionText(PickerView.Option option) {
        String text = "*" + Mrkdwn.escape(Text.oneLine(option.label()), PICK_LABEL_MAX) + "*";
        return option.description().isBlank() ? text
                : text + "\n" + Mrkdwn.escape(Text.oneLine(option.description()), PICK_DESCRIPTION_MAX);
    }

    private static String eventLine(EventListView.EventRow row) {
        String line = BlockKit.dateTime(row.at()) + " · *" + Mrkdwn.escape(Text.oneLine(row.type()), EVENT_TYPE_MAX) + "*";
        return row.detail().isBlank() ? line
                : line + " · " + Mrkdwn.escape(Text.oneLine(row.detail()), EVENT_DETAIL_MAX);
    }

    private static void addPacked(List<ObjectNode> blocks, String blockIdPrefix, List<String> lines) {
        List<String> texts = BlockKit.pack(lines, BlockKit.SECTION_TEXT_MAX);
        for (int i = 0; i < texts.size(); i++) {
            blocks.add(BlockKit.section(blockIdPrefix + (i + 1), texts.get(i)));
        }
    }

    private static void requireCard(VerificationCardView v) {
        Objects.requireNonNull(v, "view");
        Objects.requireNonNull(v.phase(), "phase");
        Objects.requireNonNull(v.deadline(), "deadline");
        Objects.requireNonNull(v.verificationId(), "verificationId");
        if (v.verificationId().isBlank() || v.verificationId().length() > BlockKit.BUTTON_VALUE_MAX) {
            throw new IllegalArgumentException("verificationId must be 1 to " + BlockKit.BUTTON_VALUE_MAX + " characters");
        }
    }

    private static String phaseEmoji(CardPhase phase) {
        return switch (phase) {
            case SENDING -> ":outbox_tray:";
            case WAITING_FOR_USER, WAITING_FOR_TECHNICIAN -> ":hourglass_flowing_sand:";
            case WAITING_FOR_SECOND_TECHNICIAN -> ":busts_in_silhouette:";
            case VERIFIED -> ":white_check_mark:";
            case UNABLE_TO_VERIFY -> ":x:";
            case EXPIRED -> ":alarm_clock:";
            case FAILED -> ":warning:";
            case CANCELLED -> ":no_entry_sign:";
        };
    }

    private static String toneEmoji(NoticeView.Tone tone) {
        return switch (tone) {
            case INFO -> ":information_source:";
            case WARNING -> ":warning:";
            case ERROR -> ":x:";
        };
    }
}
