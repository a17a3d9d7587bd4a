package io.helpdeskverify.cards;

import static io.helpdeskverify.cards.CardViews.DEADLINE;
import static io.helpdeskverify.cards.CardViews.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.cards.CardViews.Method;
import io.helpdeskverify.cards.EventListView.EventRow;
import io.helpdeskverify.cards.PickerView.Option;
import io.helpdeskverify.cards.VerificationCardView.DeliveryLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BlockKitRendererTest {

    private static final Instant NOW = DEADLINE.minusSeconds(45);
    private final BlockKitRenderer slack = new BlockKitRenderer();

    static Stream<Arguments> phasesAndMethods() {
        return Stream.of(CardPhase.values())
                .flatMap(phase -> Stream.of(Method.values()).map(method -> Arguments.of(phase, method)));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("phasesAndMethods")
    void channelCardShowsEveryFactOfEachPhaseAndMethod(CardPhase phase, Method method) {
        VerificationCardView v = CardViews.card(phase, method).build();
        ObjectNode card = slack.channelCard(v, NOW);

        BlockKitLimits.assertWithinLimits(card);
        assertThat(block(card, "hv_header").path("text").path("text").asText())
                .endsWith(CardText.phaseTitle(phase, false));
        assertThat(card.path("text").asText()).contains("Jane Doe", "Acme Corp", CardText.phaseTitle(phase, false));
        assertThat(fieldTexts(card)).contains(
                "*End user*\nJane Doe (jdoe)", "*Customer*\nAcme Corp (acme)",
                "*Method*\n" + method.label, "*Technician*\nTom Tech");
        String deadline = block(card, "hv_deadline").path("text").path("text").asText();
        assertThat(deadline).contains("<!date^" + DEADLINE.getEpochSecond() + "^{time_secs}|10:02:11 UTC>");
        if (phase.isFinal()) {
            assertThat(deadline).doesNotContain("left");
        } else {
            assertThat(deadline).endsWith(" · about 45 s left");
        }
        for (DeliveryLine line : v.delivery()) {
            assertThat(block(card, "hv_delivery").path("text").path("text").asText())
                    .contains("• " + line.text() + " · <!date^" + line.at().getEpochSecond() + "^{time_secs}|");
        }
        assertThat(hasBlock(card, "hv_delivery")).isEqualTo(!v.delivery().isEmpty());
        assertThat(hasBlock(card, "hv_outcome")).isEqualTo(v.outcome().isPresent());
        assertThat(hasBlock(card, "hv_actions")).isEqualTo(!v.actions().isEmpty());
        assertThat(actionIds(card)).hasSize(v.actions().size());
    }

    @Test
    void aSecondTechnicianIsAskedForWithApproveAndDenyAndTheFirstApprovalIsShown() {
        VerificationCardView v = CardViews.card(CardPhase.WAITING_FOR_SECOND_TECHNICIAN, Method.SMS)
                .technician("Tina <@U1>").firstApproval("Tina <@U1>").build();

        ObjectNode card = slack.channelCard(v, CardViews.T0);

        String blocks = card.path("blocks").toString();
        assertThat(card.path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo(":busts_in_silhouette: Needs a second technician");
        assertThat(blocks).contains("\"block_id\":\"hv_second_technician\"",
                "Dual control: a technician other than Tina &lt;@U1&gt; must approve or deny this verification.",
                "*First approval*\\nTina &lt;@U1&gt;", "hv_approve", "hv_deny", "hv_cancel")
                .doesNotContain("<@U1>");
        BlockKitLimits.assertWithinLimits(card);
    }

    @Test
    void theFinalCardOfADualControlledVerificationNamesBothTechnicians() {
        VerificationCardView v = CardViews.card(CardPhase.VERIFIED, Method.SMS).technician("Tina Tech")
                .firstApproval("Tina Tech").outcome("Verified", CardViews.T0.plusSeconds(30),
                        "Sam Second (second technician)").build();

        String blocks = slack.channelCard(v, CardViews.T0).path("blocks").toString();

        assertThat(blocks).contains("*First approval*\\nTina Tech", "· by Sam Second (second technician)")
                .doesNotContain("hv_second_technician", "hv_approve");
    }

    @Test
    void buttonsComeInAStableOrderWithTheVerificationIdAndStyles() {
        VerificationCardView v = CardViews.card().id("ver-42")
                .actions(CardAction.CANCEL, CardAction.DENY, CardAction.APPROVE).build();
        JsonNode buttons = block(slack.channelCard(v, NOW), "hv_actions").path("elements");

        assertThat(actionIds(slack.channelCard(v, NOW))).containsExactly("hv_approve", "hv_deny", "hv_cancel");
        assertThat(buttons).allSatisfy(b -> assertThat(b.path("value").asText()).isEqualTo("ver-42"));
        assertThat(buttons.get(0).path("style").asText()).isEqualTo("primary");
        assertThat(buttons.get(0).has("confirm")).isFalse();
        assertThat(buttons.get(1).path("style").asText()).isEqualTo("danger");
        assertThat(buttons.get(1).path("confirm").path("confirm").path("text").asText()).isEqualTo("Deny");
        assertThat(buttons.get(1).path("confirm").path("style").asText()).isEqualTo("danger");
        assertThat(buttons.get(2).has("style")).isFalse();
        assertThat(buttons.get(2).path("confirm").path("title").path("text").asText()).isEqualTo("Cancel this verification?");
    }

    @Test
    void warningsAndTheOutcomeAreShown() {
        VerificationCardView v = CardViews.card(CardPhase.VERIFIED, Method.SMS)
                .warnings(List.of("Mobile number changed 2 days ago")).build();
        ObjectNode card = slack.channelCard(v, NOW);

        assertThat(block(card, "hv_warnings").path("text").path("text").asText())
                .isEqualTo(":warning: Mobile number changed 2 days ago");
        assertThat(block(card, "hv_outcome").path("text").path("text").asText()).isEqualTo(
                ":white_check_mark: *Verified* · <!date^" + T0.plusSeconds(20).getEpochSecond()
                        + "^{time_secs}|10:01:31 UTC> · by Tom Tech");
    }

    @Test
    void aUserReportIsSaidOnTheCardAndOnlyThen() {
        ObjectNode reported = slack.channelCard(CardViews.card(CardPhase.UNABLE_TO_VERIFY, Method.PUSH)
                .userResponse("Denied").userReported().build(), NOW);
        ObjectNode denied = slack.channelCard(CardViews.card(CardPhase.UNABLE_TO_VERIFY, Method.PUSH)
                .userResponse("Denied").build(), NOW);

        assertThat(block(reported, "hv_user_reported").path("text").path("text").asText())
                .isEqualTo(":rotating_light: *The user says they did not request this*");
        assertThat(denied.toString()).doesNotContain("hv_user_reported").doesNotContain("did not request");
    }

    @Test
    void aLongLadderKeepsItsFirstAndLatestStepsAndCountsTheRest() {
        List<DeliveryLine> ladder = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ladder.add(new DeliveryLine("step " + i, T0.plusSeconds(i)));
        }
        String text = block(slack.channelCard(CardViews.card().delivery(ladder).build(), NOW), "hv_delivery")
                .path("text").path("text").asText();

        assertThat(text.lines()).hasSize(1 + 1 + 1 + 7);
        assertThat(text).contains("• step 0 ·", "• … 192 more steps not shown", "• step 193 ·", "• step 199 ·")
                .doesNotContain("step 1 ·", "step 192 ·");
    }

    @Test
    void manyWarningsAreCappedWithACount() {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            warnings.add("warning " + i);
        }
        String text = block(slack.channelCard(CardViews.card().warnings(warnings).build(), NOW), "hv_warnings")
                .path("text").path("text").asText();
        assertThat(text).contains("warning 9").doesNotContain("warning 10").endsWith("… 3 more warnings not shown");
    }

    @Test
    void theLongestInputsStayWithinSlackLimits() {
        ObjectNode card = slack.channelCard(CardViews.longest().build(), NOW);
        BlockKitLimits.assertWithinLimits(card);
        assertThat(block(card, "hv_delivery").path("text").path("text").asText()).contains("192 more steps");
        assertThat(fieldTexts(card)).allSatisfy(f -> assertThat(f).hasSizeLessThanOrEqualTo(2000));
    }

    @Test
    void aDisplayNameOfAmpersandsStaysWholeInItsField() {
        String name = "&".repeat(256);
        ObjectNode card = slack.channelCard(CardViews.card().displayName(name).username("").build(), NOW);
        BlockKitLimits.assertWithinLimits(card);
        assertThat(fieldTexts(card)).contains("*End user*\n" + "&amp;".repeat(256));
    }

    @Test
    void truncationIsMarkedAndNeverSplitsAnEntity() {
        String huge = "&".repeat(5000);
        ObjectNode card = slack.channelCard(CardViews.card().customer(huge, "x").build(), NOW);
        String customer = fieldTexts(card).stream().filter(f -> f.startsWith("*Customer*")).findFirst().orElseThrow();
        assertThat(customer).hasSizeLessThanOrEqualTo(2000).endsWith("&amp;…").matches("(?s)\\*Customer\\*\n(&amp;)+…");
    }

    @Test
    void codeMessageTellsTheTechnicianWhatToDo() {
        VerificationCardView v = CardViews.card(CardPhase.WAITING_FOR_USER, Method.SMS).build();
        ObjectNode readBack = slack.codeMessage(v, "482913", CodeInstruction.READ_BACK);
        ObjectNode tell = slack.codeMessage(v, "482913", CodeInstruction.TELL_USER);

        BlockKitLimits.assertWithinLimits(readBack);
        BlockKitLimits.assertWithinLimits(tell);
        assertThat(block(readBack, "hv_code").path("text").path("text").asText()).isEqualTo("482 913");
        // The fallback text is the notification preview: never the code.
        assertThat(readBack.path("text").asText())
                .isEqualTo("Verification code for Jane Doe: open the message to see it (only you can)")
                .doesNotContain("482").doesNotContain("913");
        assertThat(block(readBack, "hv_code_instruction").path("text").path("text").asText())
                .startsWith("Ask Jane Doe to read the code back to you; approve only if it matches.")
                .contains("Valid until <!date^" + DEADLINE.getEpochSecond() + "^{time_secs}|10:02:11 UTC>");
        assertThat(block(tell, "hv_code_instruction").path("text").path("text").asText())
                .startsWith("Read this code to Jane Doe; they type it in the app.");
        BlockKitLimits.assertWithinLimits(slack.codeMessage(CardViews.longest().build(), "1234567890", CodeInstruction.READ_BACK));
    }

    @Test
    void theChannelCardNeverCarriesACode() {
        assertThat(slack.channelCard(CardViews.card().build(), NOW).toString()).doesNotContain("482913", "482 913");
        assertThatThrownBy(() -> slack.codeMessage(CardViews.card().build(), "<!channel>", CodeInstruction.READ_BACK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(NoticeView.Tone.class)
    void noticesCarryTheirToneAndEveryLine(NoticeView.Tone tone) {
        ObjectNode notice = slack.notice(new NoticeView("No user matches jdoe@acme", List.of("Did you mean jdoe2@acme?", "Try /verify jdoe@acme.com"), tone));
        BlockKitLimits.assertWithinLimits(notice);
        assertThat(block(notice, "hv_notice").path("text").path("text").asText()).endsWith(" *No user matches jdoe@acme*")
                .startsWith(switch (tone) { case INFO -> ":information_source:"; case WARNING -> ":warning:"; case ERROR -> ":x:"; });
        assertThat(block(notice, "hv_notice_1").path("text").path("text").asText())
                .isEqualTo("Did you mean jdoe2@acme?\nTry /verify jdoe@acme.com");
    }

    @Test
    void aNoticeWithTheLongestLinesStaysWithinLimits() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(i + " " + "<&>".repeat(1000));
        }
        ObjectNode notice = slack.notice(new NoticeView("<&>".repeat(2000), lines, NoticeView.Tone.ERROR));
        BlockKitLimits.assertWithinLimits(notice);
        assertThat(notice.toString()).contains("… 60 more lines not shown");
    }

    @Test
    void aSmallPickerShowsOneButtonPerOptionSharingTheActionId() {
        List<Option> options = List.of(
                new Option("John Smith", "jsmith@acme.com", "u-1"),
                new Option("John Smith", "john.smith@acme.com", "u-2"),
                new Option("Johnny S", "", "u-3"));
        ObjectNode picker = slack.picker(new PickerView("Several users match *john*:", options, "hv_pick_user"));

        BlockKitLimits.assertWithinLimits(picker);
        assertThat(block(picker, "hv_pick_0").path("text").path("text").asText()).isEqualTo("*John Smith*\njsmith@acme.com");
        assertThat(block(picker, "hv_pick_2").path("text").path("text").asText()).isEqualTo("*Johnny S*");
        assertThat(Stream.of("hv_pick_0", "hv_pick_1", "hv_pick_2").map(id -> block(picker, id).path("accessory")))
                .extracting(a -> a.path("action_id").asText() + "=" + a.path("value").asText())
                .containsExactly("hv_pick_user=u-1", "hv_pick_user=u-2", "hv_pick_user=u-3");
    }

    @Test
    void aLargePickerBecomesOneMenuOfAtMostAHundred() {
        List<Option> six = options(6, "Jane", "jane@acme.com");
        JsonNode select = block(slack.picker(new PickerView("Pick", six, "hv_pick_user")), "hv_picker_menu")
                .path("elements").get(0);
        assertThat(select.path("type").asText()).isEqualTo("static_select");
        assertThat(select.path("action_id").asText()).isEqualTo("hv_pick_user");
        assertThat(select.path("options")).hasSize(6);
        assertThat(select.path("options").get(5).path("value").asText()).isEqualTo("u-5");
        assertThat(select.path("options").get(5).path("description").path("text").asText()).isEqualTo("jane@acme.com");

        ObjectNode huge = slack.picker(new PickerView("<&>".repeat(2000), options(150, "<&>".repeat(100), "<&>".repeat(100)), "hv_pick_user"));
        BlockKitLimits.assertWithinLimits(huge);
        assertThat(block(huge, "hv_picker_more").path("elements").get(0).path("text").asText())
                .isEqualTo("… 50 more matches not shown; narrow the search.");
        BlockKitLimits.assertWithinLimits(slack.picker(new PickerView("Pick", options(5, "<&>".repeat(1000), "<&>".repeat(1000)), "hv_pick_user")));
        BlockKitLimits.assertWithinLimits(slack.picker(new PickerView("Pick", List.of(), "hv_pick_user")));
    }

    @Test
    void eventListShowsTheNewestTwentyWithDates() {
        List<EventRow> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(new EventRow(T0.plusSeconds(i), "CHALLENGE_SENT", "event " + i));
        }
        ObjectNode events = slack.eventList(new EventListView("Events for jdoe@acme", rows));
        BlockKitLimits.assertWithinLimits(events);
        List<String> lines = blocks(events).flatMap(b -> b.path("text").path("text").asText().lines()).toList();
        assertThat(lines).hasSize(1 + 1 + 20);
        assertThat(lines.get(1)).isEqualTo("… 5 earlier events not shown");
        assertThat(lines.get(2)).endsWith(" · event 5");
        assertThat(lines.get(21)).isEqualTo("<!date^" + T0.plusSeconds(24).getEpochSecond() + "^{date_short} {time_secs}|2026-11-24 10:01:35 UTC> · *CHALLENGE_SENT* · event 24");

        List<EventRow> longest = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            longest.add(new EventRow(T0, "<&>".repeat(100), "<&>".repeat(1000)));
        }
        BlockKitLimits.assertWithinLimits(slack.eventList(new EventListView("<&>".repeat(2000), longest)));
        assertThat(slack.eventList(new EventListView("Events", List.of())).toString()).contains("No events yet.");
    }

    @Test
    void auditThreadTexts() {
        assertThat(slack.auditRoot(LocalDate.of(2026, 11, 24)).path("text").asText())
                .isEqualTo("Identity verifications, 2026-11-24");
        ObjectNode reply = slack.auditReply(new AuditEntry(T0, "Verified", "Jane Doe", "Acme Corp", "Tom Tech", "SMS code", "Code matched"));
        BlockKitLimits.assertWithinLimits(reply);
        assertThat(reply.path("text").asText()).isEqualTo(
                "*Verified* · <!date^" + T0.getEpochSecond() + "^{time_secs}|10:01:11 UTC>\n"
                        + "End user: Jane Doe · Customer: Acme Corp · Method: SMS code · Technician: Tom Tech\n"
                        + "Code matched");
        String l = "<&>".repeat(5000);
        BlockKitLimits.assertWithinLimits(slack.auditReply(new AuditEntry(T0, l, l, l, l, l, l)));
    }

    static List<Option> options(int count, String label, String description) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            options.add(new Option(label, description, "u-" + i));
        }
        return options;
    }

    static JsonNode block(JsonNode message, String blockId) {
        return blocks(message).filter(b -> b.path("block_id").asText().equals(blockId)).findFirst()
                .orElseThrow(() -> new AssertionError("no block " + blockId + " in " + message.toPrettyString()));
    }

    static boolean hasBlock(JsonNode message, String blockId) {
        return blocks(message).anyMatch(b -> b.path("block_id").asText().equals(blockId));
    }

    static List<String> fieldTexts(JsonNode message) {
        return StreamSupport.stream(block(message, "hv_facts").path("fields").spliterator(), false)
                .map(f -> f.path("text").asText()).toList();
    }

    static List<String> actionIds(JsonNode message) {
        return blocks(message).filter(b -> b.path("type").asText().equals("actions"))
                .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                .map(e -> e.path("action_id").asText()).toList();
    }

    private static Stream<JsonNode> blocks(JsonNode message) {
        return StreamSupport.stream(message.path("blocks").spliterator(), false);
    }

}
