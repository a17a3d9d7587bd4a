package io.helpdeskverify.verification;

import static io.helpdeskverify.verification.Verifications.MALLORY;
import static io.helpdeskverify.verification.Verifications.T0;
import static io.helpdeskverify.verification.Verifications.TINA;
import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.events.EventType;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionsTest {

    private final Codes codes = new Codes(new byte[32], new SecureRandom());
    private final Transitions t = new Transitions(5, Duration.ofMinutes(2), codes);
    private final Instant now = T0.plusSeconds(5);

    private Verification sent(Method m) {
        return applied(t.markSent(Verifications.pending(m, codes, "123456"), m.channel(), "to x", now));
    }

    private static Verification applied(Transition tr) {
        assertThat(tr).isInstanceOf(Transition.Applied.class);
        return ((Transition.Applied) tr).next();
    }

    private static Rejection rejected(Transition tr) {
        assertThat(tr).isInstanceOf(Transition.Rejected.class);
        return ((Transition.Rejected) tr).rejection();
    }

    private static EventType[] events(Transition tr) {
        return ((Transition.Applied) tr).events().stream().map(VerificationEvent::type).toArray(EventType[]::new);
    }

    @Nested
    class Push {
        @Test
        void sentThenUserApprovedIsVerified() {
            var tr = t.userApprove(sent(Method.PUSH), Optional.empty(), now);
            assertThat(applied(tr).state()).isEqualTo(State.VERIFIED);
            assertThat(applied(tr).outcome()).contains(Outcome.VERIFIED);
            assertThat(events(tr)).containsExactly(EventType.USER_APPROVED, EventType.VERIFIED);
        }

        @Test
        void anAnswerBeforeTheSendWasRecordedStillCounts() {
            var tr = t.userApprove(Verifications.pending(Method.PUSH, codes, ""), Optional.empty(), now);
            assertThat(applied(tr).state()).isEqualTo(State.VERIFIED);
        }

        @Test
        void userDenyIsUnableToVerify() {
            var tr = t.userDeny(sent(Method.PUSH), now);
            assertThat(applied(tr).state()).isEqualTo(State.USER_DENIED);
            assertThat(applied(tr).outcome()).contains(Outcome.UNABLE_TO_VERIFY);
            assertThat(events(tr)).containsExactly(EventType.USER_DENIED, EventType.UNABLE_TO_VERIFY);
        }

        @Test
        void iDidNotAskForThisIsADenyThatIsReported() {
            var tr = t.userReport(sent(Method.PUSH_WITH_CODE), now);
            assertThat(applied(tr).state()).isEqualTo(State.USER_DENIED);
            assertThat(applied(tr).outcome()).contains(Outcome.UNABLE_TO_VERIFY);
            assertThat(applied(tr).userReported()).isTrue();
            assertThat(applied(t.userDeny(sent(Method.PUSH), now)).userReported()).isFalse();
            assertThat(events(tr)).containsExactly(EventType.USER_DENIED, EventType.USER_REPORTED, EventType.UNABLE_TO_VERIFY);
            assertThat(rejected(t.userReport(applied(tr), now))).isEqualTo(Rejection.ALREADY_DECIDED);
        }

        @Test
        void theTechnicianCannotApproveAPlainPush() {
            assertThat(rejected(t.technicianDecide(sent(Method.PUSH), TINA, true, now)))
                    .isEqualTo(Rejection.NOT_FOR_THIS_METHOD);
        }

        @Test
        void noAnswerExpires() {
            var v = sent(Method.PUSH);
            assertThat(rejected(t.expire(v, T0.plusSeconds(59)))).isEqualTo(Rejection.NOT_DUE);
            var tr = t.expire(v, T0.plusSeconds(60));
            assertThat(applied(tr).state()).isEqualTo(State.EXPIRED);
            assertThat(events(tr)).containsExactly(EventType.EXPIRED);
        }

        @Test
        void aLateAnswerAfterTheDeadlineIsRefusedAsExpired() {
            assertThat(rejected(t.userApprove(sent(Method.PUSH), Optional.empty(), T0.plusSeconds(61))))
                    .isEqualTo(Rejection.EXPIRED);
        }
    }

    @Nested
    class PushWithCode {
        @Test
        void userApprovalWaitsForTheTechnicianWithAnExtendedDeadline() {
            var tr = t.userApprove(sent(Method.PUSH_WITH_CODE), Optional.empty(), now);
            var v = applied(tr);
            assertThat(v.state()).isEqualTo(State.USER_APPROVED);
            assertThat(v.isFinal()).isFalse();
            assertThat(v.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(2)));
            assertThat(events(tr)).containsExactly(EventType.USER_APPROVED);
        }

        @Test
        void technicianApprovesAfterTheUser() {
            var v = applied(t.userApprove(sent(Method.PUSH_WITH_CODE), Optional.empty(), now));
            var tr = t.technicianDecide(v, TINA, true, now.plusSeconds(10));
            assertThat(applied(tr).state()).isEqualTo(State.APPROVED);
            assertThat(applied(tr).outcome()).contains(Outcome.VERIFIED);
            assertThat(applied(tr).code()).as("single use: the digest is wiped").isEmpty();
            assertThat(events(tr)).containsExactly(EventType.TECHNICIAN_APPROVED, EventType.VERIFIED);
        }

        @Test
        void technicianCannotApproveBeforeTheUser() {
            assertThat(rejected(t.technicianDecide(sent(Method.PUSH_WITH_CODE), TINA, true, now)))
                    .isEqualTo(Rejection.AWAITING_USER);
        }

        @Test
        void technicianMayDenyAtAnyTime() {
            var tr = t.technicianDecide(sent(Method.PUSH_WITH_CODE), TINA, false, now);
            assertThat(applied(tr).state()).isEqualTo(State.DENIED);
            assertThat(events(tr)).containsExactly(EventType.TECHNICIAN_DENIED, EventType.UNABLE_TO_VERIFY);
        }

        @Test
        void theUserCannotAnswerTwice() {
            var v = applied(t.userApprove(sent(Method.PUSH_WITH_CODE), Optional.empty(), now));
            assertThat(rejected(t.userDeny(v, now))).isEqualTo(Rejection.ALREADY_ANSWERED);
        }
    }

    @Nested
    class ReadBackCodes {
        @ParameterizedTest
        @EnumSource(value = Method.class, names = {"SMS_CODE", "EMAIL_CODE"})
        void technicianApprovesTheReadBack(Method m) {
            var tr = t.technicianDecide(sent(m), TINA, true, now);
            assertThat(applied(tr).state()).isEqualTo(State.APPROVED);
        }

        @ParameterizedTest
        @EnumSource(value = Method.class, names = {"SMS_CODE", "EMAIL_CODE"})
        void notBeforeTheCodeWasSent(Method m) {
            assertThat(rejected(t.technicianDecide(Verifications.pending(m, codes, "123456"), TINA, true, now)))
                    .isEqualTo(Rejection.NOT_SENT_YET);
        }

        @ParameterizedTest
        @EnumSource(value = Method.class, names = {"SMS_CODE", "EMAIL_CODE"})
        void theAppCannotAnswerACodeByMessage(Method m) {
            assertThat(rejected(t.userApprove(sent(m), Optional.empty(), now))).isEqualTo(Rejection.NOT_FOR_THIS_METHOD);
        }
    }

    @Nested
    class VerifiedPush {
        @Test
        void theRightCodeVerifies() {
            var tr = t.userApprove(sent(Method.VERIFIED_PUSH), Optional.of("123456"), now);
            assertThat(applied(tr).state()).isEqualTo(State.VERIFIED);
        }

        @Test
        void approveWithoutACodeIsImpossible() {
            assertThat(rejected(t.userApprove(sent(Method.VERIFIED_PUSH), Optional.empty(), now)))
                    .isEqualTo(Rejection.CODE_REQUIRED);
        }

        @Test
        void wrongCodesCountAndTheFifthEndsIt() {
            var v = sent(Method.VERIFIED_PUSH);
            for (int left = 4; left >= 1; left--) {
                var tr = t.userApprove(v, Optional.of("000000"), now);
                assertThat(tr).isInstanceOf(Transition.CodeMismatch.class);
                assertThat(((Transition.CodeMismatch) tr).attemptsLeft()).isEqualTo(left);
                v = ((Transition.CodeMismatch) tr).next();
            }
            var last = t.userApprove(v, Optional.of("000000"), now);
            assertThat(applied(last).state()).isEqualTo(State.USER_DENIED);
            assertThat(applied(last).reason()).isEqualTo("too many wrong codes");
            // Even the right code is useless now.
            assertThat(rejected(t.userApprove(applied(last), Optional.of("123456"), now))).isEqualTo(Rejection.ALREADY_DECIDED);
        }

        @Test
        void theTechnicianDoesNotDecide() {
            assertThat(rejected(t.technicianDecide(sent(Method.VERIFIED_PUSH), TINA, true, now)))
                    .isEqualTo(Rejection.NOT_FOR_THIS_METHOD);
        }
    }

    @Nested
    class Everyone {
        @ParameterizedTest
        @EnumSource(Method.class)
        void onlyTheRequestingTechnicianDecidesOrCancels(Method m) {
            var v = sent(m);
            assertThat(rejected(t.technicianDecide(v, MALLORY, true, now))).isEqualTo(Rejection.NOT_YOUR_VERIFICATION);
            assertThat(rejected(t.cancel(v, MALLORY, now))).isEqualTo(Rejection.NOT_YOUR_VERIFICATION);
        }

        @Test
        void theSameTechnicianUnderANewDisplayNameIsStillThem() {
            var renamed = new Technician(Platform.SLACK, "U1", "Tina T.");
            assertThat(applied(t.cancel(sent(Method.SMS_CODE), renamed, now)).state()).isEqualTo(State.CANCELLED);
        }

        @ParameterizedTest
        @EnumSource(Method.class)
        void cancelEndsAnyOpenVerification(Method m) {
            var tr = t.cancel(sent(m), TINA, now);
            assertThat(applied(tr).outcome()).contains(Outcome.CANCELLED);
            assertThat(events(tr)).containsExactly(EventType.CANCELLED);
        }

        @ParameterizedTest
        @EnumSource(Method.class)
        void nothingMovesAFinalVerification(Method m) {
            var done = applied(t.cancel(sent(m), TINA, now));
            assertThat(rejected(t.cancel(done, TINA, now))).isEqualTo(Rejection.ALREADY_DECIDED);
            assertThat(rejected(t.technicianDecide(done, TINA, false, now))).isEqualTo(Rejection.ALREADY_DECIDED);
            assertThat(rejected(t.expire(done, T0.plusSeconds(3600)))).isEqualTo(Rejection.ALREADY_DECIDED);
            assertThat(rejected(t.markSent(done, m.channel(), "", now))).isEqualTo(Rejection.ALREADY_DECIDED);
            assertThat(rejected(t.deliveryFailed(done, "x", now))).isEqualTo(Rejection.ALREADY_DECIDED);
            assertThat(rejected(t.userDeny(done, now))).isIn(Rejection.ALREADY_DECIDED, Rejection.NOT_FOR_THIS_METHOD);
        }

        @Test
        void fallbackSwitchesMethodWithAFreshCodeAndCountdown() {
            var v = sent(Method.PUSH);
            var digest = codes.digest("v1", "654321", now.plusSeconds(600));
            var tr = t.fallback(v, Method.SMS_CODE, java.util.List.of(new DeliveryPlan.Skip(Channel.PUSH, "token rejected")),
                    Optional.of(digest),
                    now.plusSeconds(60), now);
            var next = applied(tr);
            assertThat(next.method()).isEqualTo(Method.SMS_CODE);
            assertThat(next.requestedMethod()).isEqualTo(Method.PUSH);
            assertThat(next.state()).isEqualTo(State.PENDING);
            assertThat(next.expiresAt()).isEqualTo(now.plusSeconds(60));
            assertThat(next.delivery()).last().extracting(DeliveryStep::status).isEqualTo(DeliveryStep.DeliveryStatus.NOT_POSSIBLE);
            assertThat(events(tr)).containsExactly(EventType.FALLBACK_USED);
        }

        @Test
        void deliveryFailureIsFinal() {
            var tr = t.deliveryFailed(Verifications.pending(Method.EMAIL_CODE, codes, "123456"), "no contact left", now);
            assertThat(applied(tr).outcome()).contains(Outcome.FAILED);
            assertThat(events(tr)).containsExactly(EventType.DELIVERY_FAILED);
        }
    }

    /** Dual control: the approval that would end a high-risk verification waits for a second technician. */
    @Nested
    class DualControl {
        private final Technician sam = new Technician(Platform.SLACK, "U3", "Sam");

        private Verification dualSent(Method m) {
            return applied(t.markSent(Verifications.pending(m, codes, "123456").toBuilder().dualControl(true).build(),
                    m.channel(), "to x", now));
        }

        private Verification awaitingSecond() {
            return applied(t.technicianDecide(dualSent(Method.SMS_CODE), TINA, true, now));
        }

        @Test
        void theRequestersApprovalWaitsForASecondTechnician() {
            var tr = t.technicianDecide(dualSent(Method.SMS_CODE), TINA, true, now);
            var v = applied(tr);
            assertThat(v.state()).isEqualTo(State.AWAITING_SECOND);
            assertThat(v.isFinal()).isFalse();
            assertThat(v.firstApproval()).contains(TINA);
            assertThat(v.decidedBy()).isEmpty();
            assertThat(events(tr)).containsExactly(EventType.TECHNICIAN_APPROVED, EventType.SECOND_TECHNICIAN_REQUESTED);
            assertThat(((Transition.Applied) tr).events().get(1).reason()).contains("Tina");
        }

        @Test
        void theSecondTechnicianGetsAtLeastTheTechnicianWindow() {
            var late = T0.plusSeconds(59);
            var v = applied(t.technicianDecide(dualSent(Method.SMS_CODE), TINA, true, late));
            assertThat(v.expiresAt()).isEqualTo(late.plus(Duration.ofMinutes(2)));
        }

        @Test
        void withoutDualControlTheApprovalIsFinalAsBefore() {
            var v = applied(t.technicianDecide(sent(Method.SMS_CODE), TINA, true, now));
            assertThat(v.state()).isEqualTo(State.APPROVED);
            assertThat(v.firstApproval()).isEmpty();
        }

        @Test
        void theRequesterCanNeverConfirmTheirOwn() {
            assertThat(rejected(t.technicianDecide(awaitingSecond(), TINA, true, now))).isEqualTo(Rejection.OWN_APPROVAL);
            assertThat(rejected(t.technicianDecide(awaitingSecond(), TINA, false, now))).isEqualTo(Rejection.OWN_APPROVAL);
            // The same person under a new display name is still the same person.
            var renamed = new Technician(Platform.SLACK, "U1", "Tina (on call)");
            assertThat(rejected(t.secondDecide(awaitingSecond(), renamed, true, now))).isEqualTo(Rejection.OWN_APPROVAL);
        }

        @Test
        void aSecondTechniciansApprovalVerifiesAndNamesBoth() {
            var tr = t.technicianDecide(awaitingSecond(), sam, true, now.plusSeconds(1));
            var v = applied(tr);
            assertThat(v.state()).isEqualTo(State.APPROVED);
            assertThat(v.outcome()).contains(Outcome.VERIFIED);
            assertThat(v.decidedBy()).hasValueSatisfying(d -> assertThat(d.technician()).contains(sam));
            assertThat(v.firstApproval()).contains(TINA);
            assertThat(v.secondTechnician()).contains(sam);
            assertThat(v.code()).as("single use").isEmpty();
            assertThat(events(tr)).containsExactly(EventType.SECOND_TECHNICIAN_APPROVED, EventType.VERIFIED);
            var second = ((Transition.Applied) tr).events().get(0);
            assertThat(second.actor()).contains(sam);
            assertThat(second.reason()).contains("Sam").contains("Tina");
        }

        @Test
        void aSecondTechniciansDenialIsFinal() {
            var tr = t.technicianDecide(awaitingSecond(), sam, false, now);
            var v = applied(tr);
            assertThat(v.state()).isEqualTo(State.DENIED);
            assertThat(v.outcome()).contains(Outcome.UNABLE_TO_VERIFY);
            assertThat(v.secondTechnician()).contains(sam);
            assertThat(events(tr)).containsExactly(EventType.SECOND_TECHNICIAN_DENIED, EventType.UNABLE_TO_VERIFY);
            assertThat(rejected(t.technicianDecide(v, TINA, true, now))).isEqualTo(Rejection.ALREADY_DECIDED);
        }

        @Test
        void theDeadlineStillAppliesWhileWaiting() {
            var v = awaitingSecond();
            assertThat(rejected(t.technicianDecide(v, sam, true, v.expiresAt()))).isEqualTo(Rejection.EXPIRED);
            assertThat(rejected(t.expire(v, v.expiresAt().minusMillis(1)))).isEqualTo(Rejection.NOT_DUE);
            var expired = applied(t.expire(v, v.expiresAt()));
            assertThat(expired.state()).isEqualTo(State.EXPIRED);
            assertThat(expired.reason()).isEqualTo("no second technician before the deadline");
        }

        @Test
        void theRequesterMayStillCancelWhileWaiting() {
            assertThat(applied(t.cancel(awaitingSecond(), TINA, now)).state()).isEqualTo(State.CANCELLED);
            assertThat(rejected(t.cancel(awaitingSecond(), sam, now))).isEqualTo(Rejection.NOT_YOUR_VERIFICATION);
        }

        @Test
        void aSecondDecisionBeforeTheFirstIsRefused() {
            assertThat(rejected(t.secondDecide(dualSent(Method.SMS_CODE), sam, true, now)))
                    .isEqualTo(Rejection.NOT_YOUR_VERIFICATION);
            assertThat(rejected(t.technicianDecide(dualSent(Method.SMS_CODE), sam, true, now)))
                    .isEqualTo(Rejection.NOT_YOUR_VERIFICATION);
        }

        @Test
        void aPushTheUserApprovedWaitsForASecondTechnicianToo() {
            var tr = t.userApprove(dualSent(Method.PUSH), Optional.empty(), now);
            var v = applied(tr);
            assertThat(v.state()).isEqualTo(State.AWAITING_SECOND);
            assertThat(v.firstApproval()).as("the end user approved, not a technician").isEmpty();
            assertThat(events(tr)).containsExactly(EventType.USER_APPROVED, EventType.SECOND_TECHNICIAN_REQUESTED);
            assertThat(rejected(t.userApprove(v, Optional.empty(), now))).isEqualTo(Rejection.ALREADY_ANSWERED);
            assertThat(rejected(t.userDeny(v, now))).isEqualTo(Rejection.ALREADY_ANSWERED);
            assertThat(rejected(t.technicianDecide(v, TINA, true, now))).isEqualTo(Rejection.OWN_APPROVAL);
            assertThat(applied(t.technicianDecide(v, sam, true, now)).state()).isEqualTo(State.APPROVED);
        }

        @Test
        void aPushWithCodeNeedsTheUserTheRequesterAndASecondTechnician() {
            var userApproved = applied(t.userApprove(dualSent(Method.PUSH_WITH_CODE), Optional.empty(), now));
            assertThat(userApproved.state()).isEqualTo(State.USER_APPROVED);
            var first = applied(t.technicianDecide(userApproved, TINA, true, now));
            assertThat(first.state()).isEqualTo(State.AWAITING_SECOND);
            assertThat(applied(t.technicianDecide(first, sam, true, now)).state()).isEqualTo(State.APPROVED);
        }

        @Test
        void aMatchedVerifiedPushCodeWaitsForASecondTechnician() {
            var v = applied(t.userApprove(dualSent(Method.VERIFIED_PUSH), Optional.of("123456"), now));
            assertThat(v.state()).isEqualTo(State.AWAITING_SECOND);
        }
    }

    @Nested
    class ReverseCheck {

        private Verification reverse(Method m) {
            var pending = Verifications.pending(m, codes, "123456").toBuilder().direction(Direction.TECHNICIAN_TO_USER).build();
            return applied(t.markSent(pending, m.channel(), "to x", now));
        }

        @ParameterizedTest
        @EnumSource(value = Method.class, names = {"PUSH_WITH_CODE", "SMS_CODE", "EMAIL_CODE"})
        void theUsersMatchVerifiesOnEveryChannel(Method m) {
            var tr = t.userConfirm(reverse(m), true, now);
            assertThat(applied(tr).state()).isEqualTo(State.VERIFIED);
            assertThat(applied(tr).decidedBy()).contains(DecidedBy.END_USER);
            assertThat(applied(tr).reason()).isEqualTo(Verification.CODES_MATCH_REASON);
            assertThat(applied(tr).code()).as("single use").isEmpty();
            assertThat(events(tr)).containsExactly(EventType.USER_APPROVED, EventType.VERIFIED);
        }

        @Test
        void aMismatchOrAnUnexpectedCallIsUnableToVerify() {
            var tr = t.userConfirm(reverse(Method.SMS_CODE), false, now);
            assertThat(applied(tr).state()).isEqualTo(State.USER_DENIED);
            assertThat(applied(tr).outcome()).contains(Outcome.UNABLE_TO_VERIFY);
            assertThat(events(tr)).containsExactly(EventType.USER_DENIED, EventType.UNABLE_TO_VERIFY);
            assertThat(rejected(t.userConfirm(applied(tr), true, now))).isEqualTo(Rejection.ALREADY_DECIDED);
        }

        @Test
        void theTechnicianCannotDecideAndThePushCannotBeApprovedWithoutTheComparison() {
            var v = reverse(Method.SMS_CODE);
            assertThat(rejected(t.technicianDecide(v, TINA, true, now))).isEqualTo(Rejection.NOT_FOR_THIS_METHOD);
            assertThat(rejected(t.technicianDecide(v, TINA, false, now))).isEqualTo(Rejection.NOT_FOR_THIS_METHOD);
            assertThat(rejected(t.technicianDecide(v, MALLORY, true, now))).isEqualTo(Rejection.NOT_YOUR_VERIFICATION);
            assertThat(rejected(t.userApprove(reverse(Method.PUSH_WITH_CODE), Optional.empty(), now)))
                    .isEqualTo(Rejection.NOT_FOR_THIS_METHOD);
            assertThat(applied(t.cancel(v, TINA, now)).state()).isEqualTo(State.CANCELLED);
        }

        @Test
        void onlyAReverseCheckTakesTheAnswerAndNotAfterTheDeadline() {
            assertThat(rejected(t.userConfirm(sent(Method.SMS_CODE), true, now))).isEqualTo(Rejection.NOT_FOR_THIS_METHOD);
            var v = reverse(Method.EMAIL_CODE);
            assertThat(rejected(t.userConfirm(v, true, v.expiresAt()))).isEqualTo(Rejection.EXPIRED);
            var expired = t.expire(v, v.expiresAt());
            assertThat(((Transition.Applied) expired).next().reason()).isEqualTo("no answer from the user");
        }

        @Test
        void anSmsOrEmailCodeCanBeReportedFromItsLink() {
            var tr = t.userReport(sent(Method.SMS_CODE), now);
            assertThat(applied(tr).userReported()).isTrue();
            assertThat(events(tr)).contains(EventType.USER_REPORTED);
            assertThat(rejected(t.userDeny(sent(Method.SMS_CODE), now))).isEqualTo(Rejection.NOT_FOR_THIS_METHOD);
        }
    }
}
