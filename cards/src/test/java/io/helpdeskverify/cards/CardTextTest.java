package io.helpdeskverify.cards;

import static io.helpdeskverify.cards.CardViews.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardTextTest {

    @ParameterizedTest
    @CsvSource({
        "45000, about 45 s left",
        "44001, about 45 s left",
        "1, about 5 s left",
        "59999, about 1 min left",
        "55001, about 60 s left",
        "60000, about 1 min left",
        "150000, about 3 min left",
        "600000, about 10 min left",
        "0, time is up",
        "-5000, time is up",
    })
    void remainingIsRoundedUpAndSaysWhenTimeIsUp(long millisLeft, String expected) {
        Instant now = DEADLINE.minusMillis(millisLeft);
        assertThat(CardText.remaining(DEADLINE, now)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1234, 1234",
        "482913, 482 913",
        "4829134, 4829 134",
        "48291345, 4829 1345",
        "482913452, 482 913 452",
        "4829134521, 48291 34521",
    })
    void codesAreGroupedForReadingAloud(String code, String spaced) {
        assertThat(CardText.spacedCode(code)).isEqualTo(spaced);
    }

    @Test
    void onlyGeneratedCodesAreAccepted() {
        assertThat(CardText.checkCode("482913")).isEqualTo("482913");
        for (String bad : new String[] {"", "48 29", "<!channel>", "1".repeat(33)}) {
            assertThatThrownBy(() -> CardText.checkCode(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CardText.checkCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instructionsNameTheDirectionTheCodeTravels() {
        assertThat(CardText.instruction(CodeInstruction.READ_BACK, "Jane Doe"))
                .isEqualTo("Ask Jane Doe to read the code back to you; approve only if it matches.");
        assertThat(CardText.instruction(CodeInstruction.TELL_USER, "Jane Doe"))
                .isEqualTo("Read this code to Jane Doe; they type it in the app.");
        assertThat(CardText.instruction(CodeInstruction.READ_BACK, "")).startsWith("Ask the user ");
        // The reverse check: read out, and the user (never the technician) says whether it matches.
        assertThat(CardText.instruction(CodeInstruction.READ_OUT_FOR_USER_TO_CHECK, "Jane Doe"))
                .startsWith("Read this code to Jane Doe;").contains("they compare it").doesNotContain("approve");
    }

    @Test
    void onlyThePersonalViewSaysYour() {
        assertThat(CardText.phaseTitle(CardPhase.WAITING_FOR_TECHNICIAN, true)).isEqualTo("Waiting for your approval");
        for (CardPhase phase : CardPhase.values()) {
            assertThat(CardText.phaseTitle(phase, false)).doesNotContainIgnoringCase("your");
        }
        assertThat(CardText.phaseTitle(CardPhase.FAILED, false)).isEqualTo("Failed (delivery)");
    }

    @Test
    void factsSkipWhatIsMissingAndKeepTheRest() {
        VerificationCardView bare = CardViews.card().contacts(List.of()).userResponse(" ").username("Jane Doe").build();
        assertThat(CardText.facts(bare)).extracting(Fact::label)
                .containsExactly("End user", "Customer", "Method", "Technician");
        assertThat(CardText.facts(bare).get(0).value()).isEqualTo("Jane Doe");
        VerificationCardView full = CardViews.card().build();
        assertThat(CardText.facts(full)).extracting(Fact::value).containsExactly(
                "Jane Doe (jdoe)", "+1 ••• ••• ••12 · j•••@acme.com", "Acme Corp (acme)",
                "Push + code", "Tom Tech", "Waiting");
    }

    @Test
    void underDualControlTheCardSaysWhyBeforeTheFirstApproval() {
        var v = CardViews.card().firstApproval("Tom Tech").build();
        var why = new VerificationCardView(v.verificationId(), v.customerName(), v.customerSlug(),
                v.endUserDisplayName(), v.endUserUsername(), v.maskedContacts(), v.methodLabel(), v.technicianName(),
                v.technicianPlatformUserId(), v.deadline(), v.phase(), v.delivery(), v.userResponse(), v.userReported(),
                v.outcome(), v.warnings(), v.actions(), v.firstApproval(), "member of Domain Admins");
        assertThat(CardText.facts(why)).extracting(Fact::label).containsSubsequence("Technician", "Dual control",
                "First approval");
        assertThat(CardText.facts(why)).contains(new Fact("Dual control", "member of Domain Admins"));
        assertThat(CardText.facts(v)).extracting(Fact::label).doesNotContain("Dual control");
    }

    @Test
    void cappedListsCountWhatTheyLeaveOut() {
        List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Capped<Integer> capped = Capped.of(items, 1, 3);
        assertThat(capped.head()).containsExactly(1);
        assertThat(capped.omitted()).isEqualTo(6);
        assertThat(capped.tail()).containsExactly(8, 9, 10);
        assertThat(Capped.of(items, 8, 2).omitted()).isZero();
        assertThat(CardText.omitted(1, "more step", "more steps")).isEqualTo("… 1 more step not shown");
    }

    @Test
    void pickerOptionsRefuseWhatSlackOrTeamsWouldRefuseOrMangle() {
        assertThatThrownBy(() -> new PickerView.Option(" ", "", "u-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PickerView.Option("Jane", "", "u-1,u-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PickerView.Option("Jane", "", "u".repeat(151))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PickerView("Pick", List.of(), "x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PickerView.Option("Jane", "", "u".repeat(150)).value()).hasSize(150);
    }

    @Test
    void auditRootIsTheUtcDay() {
        assertThat(AuditText.rootTitle(LocalDate.of(2026, 11, 24))).isEqualTo("Identity verifications, 2026-11-24");
    }
}
