package io.helpdeskverify.verification;

import static io.helpdeskverify.events.EventType.CANCELLED;
import static io.helpdeskverify.events.EventType.CHALLENGE_SENT;
import static io.helpdeskverify.events.EventType.DELIVERY_FAILED;
import static io.helpdeskverify.events.EventType.DELIVERY_REPORTED;
import static io.helpdeskverify.events.EventType.EXPIRED;
import static io.helpdeskverify.events.EventType.FALLBACK_USED;
import static io.helpdeskverify.events.EventType.SECOND_TECHNICIAN_APPROVED;
import static io.helpdeskverify.events.EventType.SECOND_TECHNICIAN_DENIED;
import static io.helpdeskverify.events.EventType.SECOND_TECHNICIAN_REQUESTED;
import static io.helpdeskverify.events.EventType.TECHNICIAN_APPROVED;
import static io.helpdeskverify.events.EventType.TECHNICIAN_DENIED;
import static io.helpdeskverify.events.EventType.UNABLE_TO_VERIFY;
import static io.helpdeskverify.events.EventType.USER_APPROVED;
import static io.helpdeskverify.events.EventType.USER_DENIED;
import static io.helpdeskverify.events.EventType.USER_REPORTED;
import static io.helpdeskverify.events.EventType.VERIFIED;

import io.helpdeskverify.verification.DeliveryStep.DeliveryStatus;
import io.helpdeskverify.verification.Transition.Applied;
import io.helpdeskverify.verification.Transition.CodeMismatch;
import io.helpdeskverify.verification.Transition.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every legal move of a verification, as pure functions of (verification, input, now). Nothing
 * here touches Redis or a platform: the store applies the result with a compare-and-set, so two
 * racing callers cannot both win.
 */
public final class Transitions {

    private final int maxWrongCodes;
    private final Duration technicianWindow;
    private final CodeMatcher codes;

    /**
     * @param maxWrongCodes verified-push attempts before the verification ends as unable to verify
     * @param technicianWindow how long the technician has to compare a read-back code once the user
     *     approved a push + code (never past the code's own expiry)
     */
    public Transitions(int maxWrongCodes, Duration technicianWindow, CodeMatcher codes) {
        if (maxWrongCodes < 1) {
            throw new IllegalArgumentException("maxWrongCodes must be at least 1");
        }
        this.maxWrongCodes = maxWrongCodes;
        this.technicianWindow = technicianWindow;
        this.codes = codes;
    }

    /** The provider accepted the challenge. */
    public Transition markSent(Verification v, Channel channel, String detail, Instant now) {
        if (v.isFinal()) {
            return new Rejected(Rejection.ALREADY_DECIDED);
        }
        var step = new DeliveryStep(now, channel, DeliveryStatus.SENT, detail);
        if (v.state() != State.PENDING) {
            // The user answered before the provider's acknowledgement was recorded: keep the answer.
            return new Applied(v.toBuilder().addDelivery(step).build(), List.of());
        }
        return new Applied(v.toBuilder().state(State.SENT).addDelivery(step).build(),
                List.of(new VerificationEvent(CHALLENGE_SENT, now, channel.name().toLowerCase() + " " + detail)));
    }

    /**
     * A later delivery report (queued, delivered, undelivered) for the card; never changes the
     * outcome. Reports that say where the message ended up are also an audit event.
     */
    public Transition deliveryProgress(Verification v, DeliveryStep step) {
        var next = v.toBuilder().addDelivery(step).build();
        if (step.status() == DeliveryStatus.SENDING || step.status() == DeliveryStatus.SENT) {
            return new Applied(next, List.of());
        }
        String what = DeliveryPlan.Skip.channelName(step.channel()) + " " + step.status().name().toLowerCase(Locale.ROOT)
                + (step.detail().isEmpty() ? "" : ": " + step.detail());
        return new Applied(next, List.of(new VerificationEvent(DELIVERY_REPORTED, step.at(), what)));
    }

    /**
     * The current channel cannot reach the user: switch method, with a fresh code and countdown.
     *
     * @param skipped the rungs given up, the failed current channel first
     */
    public Transition fallback(Verification v, Method to, List<DeliveryPlan.Skip> skipped, Optional<CodeDigest> newCode,
                               Instant newDeadline, Instant now) {
        if (v.isFinal()) {
            return new Rejected(Rejection.ALREADY_DECIDED);
        }
        if (v.state() != State.PENDING && v.state() != State.SENT) {
            return new Rejected(Rejection.ALREADY_ANSWERED);
        }
        var builder = v.toBuilder().method(to).state(State.PENDING).code(newCode).expiresAt(newDeadline)
                .wrongCodeAttempts(0);
        skipped.forEach(s -> builder.addDelivery(new DeliveryStep(now, s.channel(), DeliveryStatus.NOT_POSSIBLE, s.reason())));
        String why = String.join("; ", skipped.stream().map(DeliveryPlan.Skip::describe).toList());
        return new Applied(builder.build(), List.of(new VerificationEvent(FALLBACK_USED, now,
                v.method().name() + " -> " + to.name() + ": " + why)));
    }

    /** Nothing is left on the ladder. */
    public Transition deliveryFailed(Verification v, String why, Instant now) {
        return deliveryFailed(v, List.of(), why, now);
    }

    /**
     * Nothing is left on the ladder.
     *
     * @param skipped the rungs given up on the way down, shown on the card before the failure line
     */
    public Transition deliveryFailed(Verification v, List<DeliveryPlan.Skip> skipped, String why, Instant now) {
        if (v.isFinal()) {
            return new Rejected(Rejection.ALREADY_DECIDED);
        }
        var builder = v.toBuilder();
        skipped.forEach(s -> builder.addDelivery(new DeliveryStep(now, s.channel(), DeliveryStatus.NOT_POSSIBLE, s.reason())));
        String line = skipped.isEmpty() ? why : "no other way to reach the user";
        var next = builder.addDelivery(new DeliveryStep(now, v.method().channel(), DeliveryStatus.FAILED, line))
                .state(State.DELIVERY_FAILED).decided(now, DecidedBy.DELIVERY, why).build();
        return new Applied(next, List.of(new VerificationEvent(DELIVERY_FAILED, now, why)));
    }

    /** The user pressed Approve in the app (with the typed code for verified push). */
    public Transition userApprove(Verification v, Optional<String> typedCode, Instant now) {
        var refused = checkUserCanAnswer(v, now);
        if (refused.isPresent()) {
            return new Rejected(refused.get());
        }
        if (v.reverse()) {
            // Approving a reverse check without saying the codes match would skip the comparison.
            return new Rejected(Rejection.NOT_FOR_THIS_METHOD);
        }
        return switch (v.method()) {
            case PUSH -> v.dualControl()
                    ? awaitSecond(v, Optional.empty(), now, VerificationEvent.of(USER_APPROVED, now))
                    : new Applied(v.toBuilder().state(State.VERIFIED).decided(now, DecidedBy.END_USER, "").build(),
                            List.of(VerificationEvent.of(USER_APPROVED, now), VerificationEvent.of(VERIFIED, now)));
            case PUSH_WITH_CODE -> {
                Instant decisionDeadline = earliest(now.plus(technicianWindow),
                        v.code().map(CodeDigest::expiresAt).orElse(v.expiresAt()));
                yield new Applied(v.toBuilder().state(State.USER_APPROVED).expiresAt(decisionDeadline).build(),
                        List.of(VerificationEvent.of(USER_APPROVED, now)));
            }
            case VERIFIED_PUSH -> numberMatch(v, typedCode, now);
            case SMS_CODE, EMAIL_CODE -> new Rejected(Rejection.NOT_FOR_THIS_METHOD);
        };
    }

    /** The user pressed Deny in the app. */
    public Transition userDeny(Verification v, Instant now) {
        var refused = checkUserCanAnswer(v, now);
        if (refused.isPresent()) {
            return new Rejected(refused.get());
        }
        var next = v.toBuilder().state(State.USER_DENIED).decided(now, DecidedBy.END_USER, "the user denied").build();
        return new Applied(next, List.of(VerificationEvent.of(USER_DENIED, now),
                new VerificationEvent(UNABLE_TO_VERIFY, now, "the user denied")));
    }

    /**
     * "I did not ask for this": a deny that also says someone is trying to be verified as the user.
     * The reason is the card's line, and {@link Verification#userReported()} reads it back.
     */
    public Transition userReport(Verification v, Instant now) {
        var refused = checkUserCanAnswer(v, now, true);
        if (refused.isPresent()) {
            return new Rejected(refused.get());
        }
        var next = v.toBuilder().state(State.USER_DENIED).decided(now, DecidedBy.END_USER, Verification.USER_REPORTED_REASON)
                .build();
        return new Applied(next, List.of(VerificationEvent.of(USER_DENIED, now),
                new VerificationEvent(USER_REPORTED, now, Verification.USER_REPORTED_REASON),
                new VerificationEvent(UNABLE_TO_VERIFY, now, "the user denied")));
    }

    /**
     * The user's answer to a reverse check, in the app or from the link in their SMS or email: the
     * code the technician read out is the one they received (verified), or it is not, or they did
     * not expect the call (unable to verify). Any channel: the link makes SMS and email answerable.
     */
    public Transition userConfirm(Verification v, boolean match, Instant now) {
        if (v.isFinal()) {
            return new Rejected(v.state() == State.EXPIRED ? Rejection.EXPIRED : Rejection.ALREADY_DECIDED);
        }
        if (!now.isBefore(v.expiresAt())) {
            return new Rejected(Rejection.EXPIRED);
        }
        if (!v.reverse()) {
            return new Rejected(Rejection.NOT_FOR_THIS_METHOD);
        }
        if (match) {
            var next = v.toBuilder().state(State.VERIFIED).decided(now, DecidedBy.END_USER, Verification.CODES_MATCH_REASON)
                    .build();
            return new Applied(next, List.of(new VerificationEvent(USER_APPROVED, now, Verification.CODES_MATCH_REASON),
                    new VerificationEvent(VERIFIED, now, "reverse check")));
        }
        var next = v.toBuilder().state(State.USER_DENIED)
                .decided(now, DecidedBy.END_USER, Verification.CODES_DO_NOT_MATCH_REASON).build();
        return new Applied(next, List.of(new VerificationEvent(USER_DENIED, now, Verification.CODES_DO_NOT_MATCH_REASON),
                new VerificationEvent(UNABLE_TO_VERIFY, now, Verification.CODES_DO_NOT_MATCH_REASON)));
    }

    /**
     * Approve or Deny on the card, after the code was read back. Under dual control the requester's
     * approval is not final ({@link State#AWAITING_SECOND}); while it waits, this is the second
     * technician's decision ({@link #secondDecide}).
     */
    public Transition technicianDecide(Verification v, Technician who, boolean approve, Instant now) {
        if (v.state() == State.AWAITING_SECOND) {
            return secondDecide(v, who, approve, now);
        }
        if (v.isFinal() && v.dualControl()) {
            // Anyone may be the second technician, so a confirmer who lost the race is told the outcome, not refused.
            return new Rejected(Rejection.ALREADY_DECIDED);
        }
        if (!who.isSamePersonAs(v.technician())) {
            return new Rejected(Rejection.NOT_YOUR_VERIFICATION);
        }
        if (v.isFinal()) {
            return new Rejected(Rejection.ALREADY_DECIDED);
        }
        if (!now.isBefore(v.expiresAt())) {
            return new Rejected(Rejection.EXPIRED);
        }
        if (!v.method().technicianDecides() || v.reverse()) {
            // A reverse check is the user's to decide: the technician only reads the code out.
            return new Rejected(Rejection.NOT_FOR_THIS_METHOD);
        }
        if (!approve) {
            var next = v.toBuilder().state(State.DENIED).decided(now, DecidedBy.technician(who), "the technician denied").build();
            return new Applied(next, List.of(VerificationEvent.of(TECHNICIAN_DENIED, now),
                    new VerificationEvent(UNABLE_TO_VERIFY, now, "the technician denied")));
        }
        if (v.method() == Method.PUSH_WITH_CODE && v.state() != State.USER_APPROVED) {
            return new Rejected(Rejection.AWAITING_USER);
        }
        if (v.state() == State.PENDING) {
            return new Rejected(Rejection.NOT_SENT_YET);
        }
        if (v.dualControl()) {
            return awaitSecond(v, Optional.of(who), now, VerificationEvent.of(TECHNICIAN_APPROVED, now));
        }
        var next = v.toBuilder().state(State.APPROVED).decided(now, DecidedBy.technician(who), "code matched").build();
        return new Applied(next, List.of(VerificationEvent.of(TECHNICIAN_APPROVED, now),
                VerificationEvent.of(VERIFIED, now)));
    }

    /**
     * Dual control's second step: another technician approves (Verified) or denies (Unable to
     * verify). The requester, who approved first or saw the user approve, can never be that person.
     * The deadline still applies.
     */
    public Transition secondDecide(Verification v, Technician who, boolean approve, Instant now) {
        if (v.isFinal()) {
            return new Rejected(Rejection.ALREADY_DECIDED);
        }
        if (v.state() != State.AWAITING_SECOND) {
            return new Rejected(who.isSamePersonAs(v.technician()) ? Rejection.NOT_FOR_THIS_METHOD
                    : Rejection.NOT_YOUR_VERIFICATION);
        }
        if (who.isSamePersonAs(v.technician()) || v.firstApproval().filter(who::isSamePersonAs).isPresent()) {
            return new Rejected(Rejection.OWN_APPROVAL);
        }
        if (!now.isBefore(v.expiresAt())) {
            return new Rejected(Rejection.EXPIRED);
        }
        String first = firstApprover(v);
        var by = DecidedBy.technician(who);
        if (!approve) {
            String why = "denied by the second technician, " + who.name();
            var next = v.toBuilder().state(State.DENIED).decided(now, by, why).build();
            return new Applied(next, List.of(
                    new VerificationEvent(SECOND_TECHNICIAN_DENIED, now, who.name() + " denied after " + first
                            + "'s approval", Optional.of(who)),
                    new VerificationEvent(UNABLE_TO_VERIFY, now, why)));
        }
        var next = v.toBuilder().state(State.APPROVED).decided(now, by, "confirmed by a second technician").build();
        return new Applied(next, List.of(
                new VerificationEvent(SECOND_TECHNICIAN_APPROVED, now, who.name() + " confirmed " + first
                        + "'s approval", Optional.of(who)),
                new VerificationEvent(VERIFIED, now, "approved by " + first + " and " + who.name())));
    }

    /** Who the card and the events name as the first approval: the requester, or the end user in the app. */
    public static String firstApprover(Verification v) {
        return v.firstApproval().map(Technician::name).orElse("the end user");
    }

    /*
     * The approval that would have ended it is held for a second technician. They get at least the
     * technician's window, so a first approval in the last seconds of the countdown leaves time to confirm.
     */
    private Applied awaitSecond(Verification v, Optional<Technician> first, Instant now, VerificationEvent approval) {
        Instant deadline = latest(v.expiresAt(), now.plus(technicianWindow));
        var next = v.toBuilder().state(State.AWAITING_SECOND).firstApproval(first).expiresAt(deadline).build();
        String who = first.map(Technician::name).orElse("the end user");
        return new Applied(next, List.of(approval, new VerificationEvent(SECOND_TECHNICIAN_REQUESTED, now,
                "approved by " + who + "; a second technician must approve or deny (dual control)")));
    }

    public Transition cancel(Verification v, Technician who, Instant now) {
        if (!who.isSamePersonAs(v.technician())) {
            return new Rejected(Rejection.NOT_YOUR_VERIFICATION);
        }
        if (v.isFinal()) {
            return new Rejected(Rejection.ALREADY_DECIDED);
        }
        var next = v.toBuilder().state(State.CANCELLED).decided(now, DecidedBy.technician(who), "cancelled by the technician").build();
        return new Applied(next, List.of(new VerificationEvent(CANCELLED, now, "cancelled by the technician")));
    }

    /** The deadline passed with no outcome. */
    public Transition expire(Verification v, Instant now) {
        if (v.isFinal()) {
            return new Rejected(Rejection.ALREADY_DECIDED);
        }
        if (now.isBefore(v.expiresAt())) {
            return new Rejected(Rejection.NOT_DUE);
        }
        String why = switch (v.state()) {
            case USER_APPROVED -> "no technician decision before the deadline";
            case AWAITING_SECOND -> "no second technician before the deadline";
            case PENDING -> "the challenge was not delivered before the deadline";
            default -> v.reverse() ? "no answer from the user" : v.method().technicianDecides() ? "no decision before the deadline" : "no answer from the user";
        };
        var next = v.toBuilder().state(State.EXPIRED).decided(now, DecidedBy.TIMER, why).build();
        return new Applied(next, List.of(new VerificationEvent(EXPIRED, now, why)));
    }

    private Transition numberMatch(Verification v, Optional<String> typedCode, Instant now) {
        if (typedCode.isEmpty() || typedCode.get().isBlank()) {
            return new Rejected(Rejection.CODE_REQUIRED);
        }
        var digest = v.code();
        if (digest.isPresent() && codes.matches(v.id(), typedCode.get().strip(), digest.get())) {
            if (v.dualControl()) {
                return awaitSecond(v, Optional.empty(), now, new VerificationEvent(USER_APPROVED, now, "code matched"));
            }
            return new Applied(v.toBuilder().state(State.VERIFIED).decided(now, DecidedBy.END_USER, "code matched").build(),
                    List.of(new VerificationEvent(USER_APPROVED, now, "code matched"), VerificationEvent.of(VERIFIED, now)));
        }
        int attempts = v.wrongCodeAttempts() + 1;
        if (attempts >= maxWrongCodes) {
            String why = "too many wrong codes";
            var next = v.toBuilder().wrongCodeAttempts(attempts).state(State.USER_DENIED).decided(now, DecidedBy.END_USER, why).build();
            return new Applied(next, List.of(new VerificationEvent(USER_DENIED, now, why),
                    new VerificationEvent(UNABLE_TO_VERIFY, now, why)));
        }
        return new CodeMismatch(v.toBuilder().wrongCodeAttempts(attempts).build(), maxWrongCodes - attempts);
    }

    private static Optional<Rejection> checkUserCanAnswer(Verification v, Instant now) {
        return checkUserCanAnswer(v, now, false);
    }

    /** @param anyChannel a report may come from the one-time link in an SMS or email, not only from the app */
    private static Optional<Rejection> checkUserCanAnswer(Verification v, Instant now, boolean anyChannel) {
        if (v.isFinal()) {
            return Optional.of(v.state() == State.EXPIRED ? Rejection.EXPIRED : Rejection.ALREADY_DECIDED);
        }
        if (!now.isBefore(v.expiresAt())) {
            return Optional.of(Rejection.EXPIRED);
        }
        if (v.method().channel() != Channel.PUSH && !anyChannel) {
            return Optional.of(Rejection.NOT_FOR_THIS_METHOD);
        }
        if (v.state() == State.USER_APPROVED || v.state() == State.AWAITING_SECOND) {
            return Optional.of(Rejection.ALREADY_ANSWERED);
        }
        return Optional.empty();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
