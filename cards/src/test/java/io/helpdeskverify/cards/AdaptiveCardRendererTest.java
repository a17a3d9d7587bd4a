package io.helpdeskverify.cards;

import static io.helpdeskverify.cards.CardViews.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.cards.CardViews.Method;
import io.helpdeskverify.cards.EventListView.EventRow;
import io.helpdeskverify.cards.PickerView.Option;
import io.helpdeskverify.cards.VerificationCardView.DeliveryLine;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdaptiveCardRendererTest {

    /* Teams refuses a message over about 28 KB. */
    private static final int TEAMS_MESSAGE_MAX_BYTES = 28 * 1024;
    private final AdaptiveCardRenderer teams = new AdaptiveCardRenderer();

    static Stream<Arguments> phasesAndMethods() {
        return BlockKitRendererTest.phasesAndMethods();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("phasesAndMethods")
    void observerCardShowsTheFactsWithoutCodeOrButtons(CardPhase phase, Method method) {
        VerificationCardView v = CardViews.card(phase, method).build();
        ObjectNode card = teams.observerCard(v);

        assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(texts(card)).contains(CardText.phaseTitle(phase, false), "End user: ", "Jane Doe (jdoe)",
                "Customer: ", "Acme Corp (acme)", "Method: ", method.label, "Technician: ", "Tom Tech",
                "**Deadline:** {{DATE(2026-11-24T10:02:11Z, SHORT)}} {{TIME(2026-11-24T10:02:11Z)}}");
        v.delivery().forEach(d -> assertThat(texts(card)).contains(d.text(), "{{TIME(" + CardText.rfc3339(d.at()) + ")}}"));
        // Dual control's second technician is anyone in the conversation: the one phase with buttons here.
        assertThat(card.has("actions")).isEqualTo(phase == CardPhase.WAITING_FOR_SECOND_TECHNICIAN);
        assertRefresh(card, v);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("phasesAndMethods")
    void technicianCardAddsTheCodeAndTheAllowedActions(CardPhase phase, Method method) {
        VerificationCardView v = CardViews.card(phase, method).build();
        ObjectNode card = teams.technicianCard(v, Optional.of("482913"), method.instruction());

        assertThat(texts(card)).contains("482 913", CardText.phaseTitle(phase, true),
                CardText.instruction(method.instruction(), "Jane Doe"));
        List<String> verbs = StreamSupport.stream(card.path("actions").spliterator(), false)
                .map(a -> a.path("verb").asText()).toList();
        List<String> expected = Stream.of(CardAction.values()).filter(v.actions()::contains)
                // Under dual control the requester may no longer approve or deny their own.
                .filter(a -> phase != CardPhase.WAITING_FOR_SECOND_TECHNICIAN || a == CardAction.CANCEL)
                .map(CardAction::id).toList();
        assertThat(verbs).isEqualTo(expected);
        card.path("actions").forEach(a -> {
            assertThat(a.path("type").asText()).isEqualTo("Action.Execute");
            assertThat(a.path("data").path("verificationId").asText()).isEqualTo("ver-7f3a");
        });
        assertRefresh(card, v);
    }

    @Test
    void aSecondTechnicianIsAskedForOnTheSharedCardAndTheRequesterOnlyKeepsCancel() {
        VerificationCardView v = CardViews.card(CardPhase.WAITING_FOR_SECOND_TECHNICIAN, Method.SMS)
                .technician("Tina Tech").firstApproval("Tina Tech").build();

        ObjectNode shared = teams.observerCard(v);
        assertThat(texts(shared)).contains("Needs a second technician", "First approval: ", "Tina Tech",
                "Dual control: a technician other than Tina Tech must approve or deny this verification.");
        assertThat(shared.path("actions")).extracting(a -> a.path("verb").asText() + "/" + a.path("style").asText(""))
                .containsExactly("hv_approve/positive", "hv_deny/destructive");
        shared.path("actions").forEach(a -> assertThat(a.path("data").path("verificationId").asText()).isEqualTo("ver-7f3a"));
        assertRefresh(shared, v);

        ObjectNode mine = teams.technicianCard(v, Optional.empty(), CodeInstruction.READ_BACK);
        assertThat(texts(mine)).contains("Dual control: another technician must approve or deny this verification. "
                + "You cannot confirm it yourself.");
        assertThat(mine.path("actions")).extracting(a -> a.path("verb").asText()).containsExactly("hv_cancel");
    }

    @Test
    void theFinalCardOfADualControlledVerificationNamesBothTechnicians() {
        VerificationCardView v = CardViews.card(CardPhase.VERIFIED, Method.SMS).technician("Tina Tech")
                .firstApproval("Tina Tech").outcome("Verified", T0.plusSeconds(30), "Sam Second (second technician)")
                .build();

        ObjectNode card = teams.observerCard(v);

        assertThat(texts(card)).contains("First approval: ", "Tina Tech", " · by Sam Second (second technician)");
        assertThat(card.has("actions")).isFalse();
    }

    @Test
    void approveAndDenyAreStyledAndAlwaysInTheSameOrder() {
        VerificationCardView v = CardViews.card().actions(CardAction.DENY, CardAction.CANCEL, CardAction.APPROVE).build();
        JsonNode actions = teams.technicianCard(v, Optional.empty(), CodeInstruction.READ_BACK).path("actions");
        assertThat(actions).extracting(a -> a.path("title").asText() + "/" + a.path("style").asText(""))
                .containsExactly("Approve/positive", "Deny/destructive", "Cancel verification/");
    }

    @Test
    void theObserverCardNeverCarriesTheCode() {
        VerificationCardView v = CardViews.card().build();
        assertThat(teams.observerCard(v).toString()).doesNotContain("482913", "482 913", "Verification code");
        ObjectNode withoutCode = teams.technicianCard(v, Optional.empty(), CodeInstruction.READ_BACK);
        assertThat(withoutCode.toString()).doesNotContain("Verification code");
    }

    @Test
    void refreshTargetsOnlyTheRequestingTechnician() {
        ObjectNode card = teams.observerCard(CardViews.card().technicianId("29:abc").id("ver-9").build());
        assertThat(card.path("refresh").toString()).isEqualTo(
                "{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"refresh\",\"data\":{\"verificationId\":\"ver-9\"}},\"userIds\":[\"29:abc\"]}");
        assertThat(teams.observerCard(CardViews.card().technicianId("").build()).has("refresh")).isFalse();
    }

    @Test
    void aUserReportIsSaidOnBothViewsAndOnlyThen() {
        VerificationCardView reported = CardViews.card(CardPhase.UNABLE_TO_VERIFY, Method.PUSH)
                .userResponse("Denied").userReported().build();
        VerificationCardView denied = CardViews.card(CardPhase.UNABLE_TO_VERIFY, Method.PUSH).userResponse("Denied").build();

        assertThat(String.join("\n", texts(teams.observerCard(reported))))
                .contains("**The user says they did not request this**");
        assertThat(String.join("\n", texts(teams.technicianCard(reported, Optional.empty(), Method.PUSH.instruction()))))
                .contains("The user says they did not request this");
        assertThat(String.join("\n", texts(teams.observerCard(denied)))).doesNotContain("did not request");
    }

    @Test
    void nothingFromTheViewIsDroppedAtOrdinaryLengths() {
        VerificationCardView v = CardViews.card(CardPhase.VERIFIED, Method.PUSH_FALLBACK_SMS)
                .warnings(List.of("Mobile number changed 2 days ago", "Second & last warning")).build();
        List<String> teamsTexts = texts(teams.observerCard(v));
        String slack = new BlockKitRenderer().channelCard(v, T0).toString();
        List<String> expected = new ArrayList<>(List.of(v.endUserDisplayName(), v.endUserUsername(), v.customerName(),
                v.customerSlug(), v.methodLabel(), v.technicianName(), v.userResponse(),
                v.outcome().orElseThrow().label(), v.outcome().orElseThrow().decidedBy()));
        expected.addAll(v.maskedContacts());
        expected.addAll(v.warnings());
        v.delivery().forEach(d -> expected.add(d.text()));
        for (String s : expected) {
            assertThat(String.join("\n", teamsTexts)).as("Teams shows %s", s).contains(s);
            assertThat(slack).as("Slack shows %s", s).contains(Mrkdwn.escape(s));
        }
    }

    @Test
    void aLongLadderIsCappedTheSameWayAsOnSlack() {
        List<DeliveryLine> ladder = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ladder.add(new DeliveryLine("step " + i, T0.plusSeconds(i)));
        }
        List<String> texts = texts(teams.observerCard(CardViews.card().delivery(ladder).build()));
        assertThat(texts).contains("step 0", "… 192 more steps not shown", "step 193", "step 199")
                .doesNotContain("step 1", "step 192");
    }

    @Test
    void theLongestCardsStayUnderTheTeamsMessageSize() {
        VerificationCardView v = CardViews.longest().build();
        for (ObjectNode card : List.of(teams.observerCard(v), teams.technicianCard(v, Optional.of("1234567890"), CodeInstruction.READ_BACK))) {
            assertThat(card.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(TEAMS_MESSAGE_MAX_BYTES);
        }
    }

    @Test
    void untrustedTextGoesIntoPlainTextRunsOnly() {
        VerificationCardView v = CardViews.hostile().build();
        List<JsonNode> markdownBlocks = new ArrayList<>();
        for (ObjectNode card : List.of(teams.observerCard(v), teams.technicianCard(v, Optional.of("482913"), CodeInstruction.READ_BACK),
                teams.notice(new NoticeView(CardViews.HOSTILE, List.of(CardViews.HOSTILE), NoticeView.Tone.INFO)),
                teams.picker(new PickerView(CardViews.HOSTILE, List.of(new Option(CardViews.HOSTILE, CardViews.HOSTILE, "u-1")), "hv_pick")),
                teams.eventList(new EventListView(CardViews.HOSTILE, List.of(new EventRow(T0, CardViews.HOSTILE, CardViews.HOSTILE)))),
                teams.auditReply(new AuditEntry(T0, CardViews.HOSTILE, CardViews.HOSTILE, "", "", "", "")))) {
            collect(card, "TextBlock", markdownBlocks);
            assertThat(card.toString()).contains("[click](https://evil)");
        }
        assertThat(markdownBlocks).hasSizeGreaterThan(10).allSatisfy(b ->
                assertThat(b.path("text").asText()).doesNotContain("evil", "channel", "[click]"));
    }

    @Test
    void noticeStyleFollowsTheTone() {
        assertThat(teams.notice(new NoticeView("Rate limited", List.of("Try again in 4 min"), NoticeView.Tone.ERROR))
                .path("body").get(0).path("style").asText()).isEqualTo("attention");
        assertThat(teams.notice(new NoticeView("Hi", List.of(), NoticeView.Tone.WARNING))
                .path("body").get(0).path("style").asText()).isEqualTo("warning");
    }

    @Test
    void aSmallPickerHasOneButtonPerOptionReturningTheChoice() {
        ObjectNode picker = teams.picker(new PickerView("Several users match", List.of(
                new Option("John Smith", "jsmith@acme.com", "u-1"), new Option("Johnny S", "", "u-2")), "hv_pick_user"));
        assertThat(picker.path("actions")).extracting(a -> a.path("verb").asText() + ":" + a.path("data").path("choice").asText())
                .containsExactly("hv_pick_user:u-1", "hv_pick_user:u-2");
        assertThat(texts(picker)).contains("John Smith", " · jsmith@acme.com");
    }

    @Test
    void aLargePickerUsesAChoiceSetNamedChoice() {
        ObjectNode picker = teams.picker(new PickerView("Pick", BlockKitRendererTest.options(120, "Jane", "jane@acme.com"), "hv_pick_user"));
        JsonNode set = picker.path("body").get(1);
        assertThat(set.path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(set.path("id").asText()).isEqualTo("choice");
        assertThat(set.path("choices")).hasSize(100);
        assertThat(set.path("choices").get(0).path("title").asText()).isEqualTo("Jane · jane@acme.com");
        assertThat(picker.path("actions")).singleElement().satisfies(a -> assertThat(a.path("verb").asText()).isEqualTo("hv_pick_user"));
        assertThat(texts(picker)).contains("… 20 more matches not shown; narrow the search.");
    }

    @Test
    void eventListKeepsTheNewestTwenty() {
        List<EventRow> rows = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            rows.add(new EventRow(T0.plusSeconds(i), "EXPIRED", "event " + i));
        }
        List<String> texts = texts(teams.eventList(new EventListView("Events", rows)));
        assertThat(texts).contains("… 3 earlier events not shown", " · event 3", " · event 22",
                "{{DATE(2026-11-24T10:01:33Z, SHORT)}} {{TIME(2026-11-24T10:01:33Z)}}").doesNotContain(" · event 2");
    }

    @Test
    void auditTexts() {
        assertThat(teams.auditRootText(LocalDate.of(2026, 11, 24))).isEqualTo("Identity verifications, 2026-11-24");
        List<String> texts = texts(teams.auditReply(new AuditEntry(T0, "Fallback used", "Jane Doe", "Acme Corp", "Tom Tech", "Push", "notifications disabled → SMS sent")));
        assertThat(texts).contains("Fallback used", "End user: ", "Jane Doe", "Technician: ", "Tom Tech",
                "notifications disabled → SMS sent", "{{DATE(2026-11-24T10:01:11Z, SHORT)}} {{TIME(2026-11-24T10:01:11Z)}}");
    }

    private static void assertRefresh(ObjectNode card, VerificationCardView v) {
        if (v.isFinal()) {
            assertThat(card.has("refresh")).isFalse();
        } else {
            assertThat(card.path("refresh").path("action").path("verb").asText()).isEqualTo("refresh");
            assertThat(card.path("refresh").path("action").path("data").path("verificationId").asText()).isEqualTo(v.verificationId());
            assertThat(card.path("refresh").path("userIds")).singleElement()
                    .satisfies(id -> assertThat(id.asText()).isEqualTo(v.technicianPlatformUserId()));
        }
    }

    /** Every text a reader can see: TextBlock and TextRun texts, choice titles. */
    static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        collectTexts(node, out);
        return out;
    }

    private static void collectTexts(JsonNode node, List<String> out) {
        if (node.isObject() && node.path("text").isTextual()) {
            out.add(node.path("text").asText());
        }
        node.forEach(child -> collectTexts(child, out));
    }

    private static void collect(JsonNode node, String type, List<JsonNode> out) {
        if (node.isObject() && type.equals(node.path("type").asText())) {
            out.add(node);
        }
        node.forEach(child -> collect(child, type, out));
    }

    @Test
    void verifyDialogAsksForUserCustomerAndMethodAndSaysWhatWasWrong() {
        var methods = List.of(new VerifyDialogView.Choice("", "Let me choose"), new VerifyDialogView.Choice("sms", "SMS code"));
        ObjectNode first = teams.verifyDialog(new VerifyDialogView("", "", "", "", methods, "verify"));
        assertThat(first.path("body").get(0).path("id").asText()).isEqualTo("user");
        assertThat(first.path("body").get(0).path("isRequired").asBoolean()).isTrue();
        assertThat(first.path("body").get(1).path("isRequired").asBoolean()).isFalse();
        assertThat(first.path("body").get(2).path("choices").findValuesAsText("value")).containsExactly("", "sms");
        assertThat(first.path("actions").get(0).path("data").path("hv").asText()).isEqualTo("verify");

        ObjectNode again = teams.verifyDialog(new VerifyDialogView("jdoe", "", "sms", "Enter the customer.", methods, "verify"));
        assertThat(again.path("body").get(0).path("text").asText()).isEqualTo("Enter the customer.");
        assertThat(again.path("body").get(0).path("color").asText()).isEqualTo("attention");
        assertThat(again.path("body").get(1).path("value").asText()).isEqualTo("jdoe");
        assertThat(again.path("body").get(3).path("value").asText()).isEqualTo("sms");
    }
}
