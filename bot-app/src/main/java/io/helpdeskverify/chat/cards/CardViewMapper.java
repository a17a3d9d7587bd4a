package io.helpdeskverify.chat.cards;

import io.helpdeskverify.cards.CardAction;
import io.helpdeskverify.cards.CardPhase;
import io.helpdeskverify.cards.CodeInstruction;
import io.helpdeskverify.cards.VerificationCardView;
import io.helpdeskverify.cards.VerificationCardView.OutcomeLine;
import io.helpdeskverify.directory.ContactRisk;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.Masking;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Verification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one mapping from a verification to what its card shows, for every platform. Contacts are
 * masked here, because the card is seen by the whole channel.
 */
@Component
public class CardViewMapper {

    private final DirectoryRepository directory;
    private final ContactRisk risk;
    private final Clock clock;

    public CardViewMapper(DirectoryRepository directory, ContactRisk risk, Clock clock) {
        this.directory = directory;
        this.risk = risk;
        this.clock = clock;
    }

    public VerificationCardView view(Verification v) {
        return view(v, directory.customer(v.customer()), directory.endUser(v.customer(), v.endUser()));
    }

    public VerificationCardView view(Verification v, Optional<Customer> customer, Optional<EndUser> user) {
        List<String> contacts = new ArrayList<>();
        user.flatMap(EndUser::mobile).ifPresent(m -> contacts.add(Masking.phone(m)));
        user.flatMap(EndUser::email).ifPresent(e -> contacts.add(Masking.email(e)));
        CardPhase phase = phase(v);
        return new VerificationCardView(v.id(), customer.map(Customer::name).orElse(v.customer()), v.customer(),
                user.map(EndUser::displayName).orElse(v.endUser()), v.endUser(), contacts, methodLabel(v),
                v.technician().name(), v.technician().id(), v.expiresAt(), phase, DeliveryLines.of(v.delivery()),
                userResponse(v), v.userReported(), outcome(v), user.map(u -> risk.warnings(u, clock)).orElse(List.of()), actions(v, phase),
                firstApproval(v), v.dualControlWhy().orElse(""));
    }

    /* Dual control: named once the first approval is in, and still on the final card beside the second name. */
    private static String firstApproval(Verification v) {
        if (v.state() != State.AWAITING_SECOND && v.secondTechnician().isEmpty()) {
            return "";
        }
        return v.firstApproval().map(t -> t.name()).orElse("the end user, in the app");
    }

    /** What the technician is told to do with the code of this method. */
    public static CodeInstruction instruction(Method method) {
        return method.codeFlow() == Method.CodeFlow.TELL_USER ? CodeInstruction.TELL_USER : CodeInstruction.READ_BACK;
    }

    /** What the technician is told to do with this verification's code: a reverse check's is read out for the user to check. */
    public static CodeInstruction instruction(Verification v) {
        return v.reverse() ? CodeInstruction.READ_OUT_FOR_USER_TO_CHECK : instruction(v.method());
    }

    /** The card's method line; a reverse check says so, and by which channel the user got the code. */
    static String methodLabel(Verification v) {
        if (!v.reverse()) {
            return v.method().label();
        }
        return "Reverse check (the user checks you): " + switch (v.method().channel()) {
            case PUSH -> "app";
            case SMS -> "SMS";
            case EMAIL -> "email";
        };
    }

    static CardPhase phase(Verification v) {
        // Exhaustive on purpose: a new State must fail to compile here rather than show as "Cancelled".
        return switch (v.state()) {
            case PENDING -> CardPhase.SENDING;
            // A read-back code by SMS or email: the user now reads it to the technician, who decides.
            // A reverse check always waits for the user: they say whether the codes match, on any channel.
            case SENT -> v.method().channel() == Channel.PUSH || v.reverse() ? CardPhase.WAITING_FOR_USER
                    : CardPhase.WAITING_FOR_TECHNICIAN;
            case USER_APPROVED -> CardPhase.WAITING_FOR_TECHNICIAN;
            case AWAITING_SECOND -> CardPhase.WAITING_FOR_SECOND_TECHNICIAN;
            case VERIFIED, APPROVED -> CardPhase.VERIFIED;
            case USER_DENIED, DENIED -> CardPhase.UNABLE_TO_VERIFY;
            case EXPIRED -> CardPhase.EXPIRED;
            case DELIVERY_FAILED -> CardPhase.FAILED;
            case CANCELLED -> CardPhase.CANCELLED;
        };
    }

    private static Set<CardAction> actions(Verification v, CardPhase phase) {
        if (phase.isFinal()) {
            return Set.of();
        }
        var actions = EnumSet.of(CardAction.CANCEL);
        // The second technician's buttons: anyone but the requester may press them (the service checks).
        // A reverse check has none: the user's answer decides.
        if ((phase == CardPhase.WAITING_FOR_TECHNICIAN && v.method().technicianDecides() && !v.reverse())
                || phase == CardPhase.WAITING_FOR_SECOND_TECHNICIAN) {
            actions.add(CardAction.APPROVE);
            actions.add(CardAction.DENY);
        }
        return actions;
    }

    private static String userResponse(Verification v) {
        if (v.reverse()) {
            return switch (v.state()) {
                case VERIFIED -> "Codes match ✓";
                case USER_DENIED -> "Codes do not match, or the call was not expected";
                case PENDING, SENT -> "Waiting for the user to compare the codes";
                case EXPIRED -> "No answer";
                default -> "";
            };
        }
        if (v.method().channel() != Channel.PUSH) {
            return "";
        }
        State s = v.state();
        if (s == State.USER_APPROVED || s == State.AWAITING_SECOND || s == State.APPROVED || (s == State.VERIFIED)) {
            return "Approved ✓";
        }
        if (s == State.USER_DENIED) {
            return v.wrongCodeAttempts() > 0 ? "Denied: " + v.reason() : "Denied";
        }
        if (s == State.PENDING || s == State.SENT) {
            return v.wrongCodeAttempts() > 0 ? "Waiting (" + v.wrongCodeAttempts() + " wrong code(s) so far)" : "Waiting";
        }
        return s == State.EXPIRED ? "No answer" : "";
    }

    private static Optional<OutcomeLine> outcome(Verification v) {
        if (v.outcome().isEmpty() || v.decidedAt().isEmpty()) {
            return Optional.empty();
        }
        String by = v.decidedBy().map(d -> switch (d.kind()) {
            case END_USER -> "the end user";
            case TIMER -> "the timer";
            case DELIVERY -> "delivery";
            case TECHNICIAN -> d.technician().orElseThrow().name()
                    + (v.secondTechnician().isPresent() ? " (second technician)" : "");
        }).orElse("");
        String decided = v.reason().isBlank() ? by : by + " (" + v.reason() + ")";
        return Optional.of(new OutcomeLine(v.outcome().get().label(), v.decidedAt().get(), decided));
    }

}
