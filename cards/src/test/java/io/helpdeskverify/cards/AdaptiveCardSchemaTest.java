package io.helpdeskverify.cards;

import static io.helpdeskverify.cards.CardViews.HOSTILE;
import static io.helpdeskverify.cards.CardViews.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.cards.CardViews.Method;
import io.helpdeskverify.cards.EventListView.EventRow;
import io.helpdeskverify.testsupport.AdaptiveCardSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Adaptive Card we emit validates against the official 1.5 schema, and the validator bites. */
class AdaptiveCardSchemaTest {

    private static final AdaptiveCardRenderer TEAMS = new AdaptiveCardRenderer();
    static Stream<Arguments> everyCardWeEmit() {
        List<Arguments> cards = new ArrayList<>();
        for (CardPhase phase : CardPhase.values()) {
            for (Method method : Method.values()) {
                VerificationCardView v = CardViews.card(phase, method).build();
                String name = phase + "/" + method;
                cards.add(Arguments.of("observer " + name, TEAMS.observerCard(v)));
                cards.add(Arguments.of("technician " + name, TEAMS.technicianCard(v, Optional.of("482913"), method.instruction())));
                cards.add(Arguments.of("technician without code " + name, TEAMS.technicianCard(v, Optional.empty(), method.instruction())));
            }
        }
        VerificationCardView longest = CardViews.longest().build();
        VerificationCardView hostile = CardViews.hostile().build();
        VerificationCardView warned = CardViews.card().warnings(List.of("a", "b")).build();
        cards.add(Arguments.of("observer longest", TEAMS.observerCard(longest)));
        cards.add(Arguments.of("technician longest", TEAMS.technicianCard(longest, Optional.of("1234567890"), CodeInstruction.TELL_USER)));
        cards.add(Arguments.of("observer hostile", TEAMS.observerCard(hostile)));
        cards.add(Arguments.of("technician hostile", TEAMS.technicianCard(hostile, Optional.of("482913"), CodeInstruction.READ_BACK)));
        cards.add(Arguments.of("observer with warnings", TEAMS.observerCard(warned)));
        VerificationCardView reported = CardViews.card(CardPhase.UNABLE_TO_VERIFY, Method.PUSH).userResponse("Denied")
                .userReported().build();
        cards.add(Arguments.of("observer user reported", TEAMS.observerCard(reported)));
        cards.add(Arguments.of("technician user reported", TEAMS.technicianCard(reported, Optional.empty(), Method.PUSH.instruction())));
        for (NoticeView.Tone tone : NoticeView.Tone.values()) {
            cards.add(Arguments.of("notice " + tone, TEAMS.notice(new NoticeView("No user matches", List.of("line 1", "line 2"), tone))));
        }
        List<String> manyLines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            manyLines.add(HOSTILE);
        }
        cards.add(Arguments.of("notice long", TEAMS.notice(new NoticeView(HOSTILE, manyLines, NoticeView.Tone.INFO))));
        for (int count : new int[] {0, 1, 5, 6, 150}) {
            cards.add(Arguments.of("picker " + count, TEAMS.picker(new PickerView(HOSTILE,
                    BlockKitRendererTest.options(count, HOSTILE, count == 5 ? "" : HOSTILE), "hv_pick_user"))));
        }
        List<EventRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new EventRow(T0.plusSeconds(i), "USER_APPROVED", i % 2 == 0 ? "" : HOSTILE));
        }
        cards.add(Arguments.of("events empty", TEAMS.eventList(new EventListView("Events", List.of()))));
        cards.add(Arguments.of("events 30", TEAMS.eventList(new EventListView(HOSTILE, rows))));
        cards.add(Arguments.of("audit reply", TEAMS.auditReply(new AuditEntry(T0, "Verified", "Jane Doe", "Acme", "Tom", "SMS code", "matched"))));
        cards.add(Arguments.of("audit reply sparse", TEAMS.auditReply(new AuditEntry(T0, "Refused", "", "", HOSTILE, "", ""))));
        var methods = List.of(new VerifyDialogView.Choice("", "Let me choose"), new VerifyDialogView.Choice("sms", "SMS code"));
        cards.add(Arguments.of("verify dialog", TEAMS.verifyDialog(new VerifyDialogView("", "", "", "", methods, "verify"))));
        cards.add(Arguments.of("verify dialog with a problem", TEAMS.verifyDialog(
                new VerifyDialogView(HOSTILE, HOSTILE, "sms", "Enter the end user and the customer.", methods, "verify"))));
        return cards.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCardWeEmit")
    void validatesAgainstTheOfficialSchema(String name, ObjectNode card) {
        assertThat(AdaptiveCardSchema.validate(card)).as(name + ":\n" + card.toPrettyString()).isEmpty();
    }

    @Test
    void aMinimalHandWrittenCardIsValid() throws Exception {
        JsonNode card = new ObjectMapper().readTree("""
                {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "hi"}]}""");
        assertThat(AdaptiveCardSchema.validate(card)).isEmpty();
    }

    /* The checks below prove schema validation is not a no-op that passes everything. */

    @Test
    void rejectsANumericVersion() {
        assertRejected(card -> card.put("version", 5));
    }

    @Test
    void rejectsAnUnknownActionType() {
        assertRejected(card -> ((ObjectNode) card.path("actions").get(0)).put("type", "Action.Launch"));
    }

    @Test
    void rejectsAnUnknownElementType() {
        assertRejected(card -> ((ObjectNode) card.path("body").get(0)).put("type", "Marquee"));
    }

    @Test
    void rejectsAnUnknownPropertyOnAnElement() {
        assertRejected(card -> ((ObjectNode) card.path("body").get(0)).put("colour", "red"));
    }

    @Test
    void rejectsAnUnknownPropertyOnTheCard() {
        assertRejected(card -> card.putObject("msteams").put("width", "Full"));
    }

    @Test
    void rejectsAWrongTypeInsideTheRefreshBlock() {
        assertRejected(card -> ((ArrayNode) card.path("refresh").path("userIds")).add(42));
    }

    /* The schema's enums are "anyOf: [enum, pattern]", and a pattern ignores non-strings, so a
       numeric weight passes; a wrong string does not. */
    @Test
    void rejectsABadEnumValueDeepInATextRun() {
        assertRejected(card -> ((ObjectNode) card.findValues("inlines").get(0).get(0)).put("weight", "heavy"));
    }

    @Test
    void rejectsAnUnknownPropertyDeepInATextRun() {
        assertRejected(card -> ((ObjectNode) card.findValues("inlines").get(0).get(0)).put("markdown", true));
    }

    private static void assertRejected(Consumer<ObjectNode> breakIt) {
        ObjectNode card = TEAMS.technicianCard(CardViews.card(CardPhase.WAITING_FOR_TECHNICIAN, Method.PUSH_CODE).build(),
                Optional.of("482913"), CodeInstruction.READ_BACK);
        assertThat(AdaptiveCardSchema.validate(card)).as("the unbroken card is valid").isEmpty();
        breakIt.accept(card);
        assertThat(AdaptiveCardSchema.validate(card)).as("broken card:\n" + card.toPrettyString()).isNotEmpty();
    }
}
