package io.helpdeskverify.cards;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a verification card shows, platform-neutral. The bot maps its domain state to this
 * record; the Block Kit and Adaptive Card renderers are pure functions of it, so Slack and Teams
 * can never drift apart in what they say.
 *
 * <p>Strings are raw (unescaped) text from the directory or the technician: each renderer escapes
 * for its own markup.
 */
public record VerificationCardView(
        String verificationId,
        String customerName,
        String customerSlug,
        String endUserDisplayName,
        String endUserUsername,
        /* Already masked by the bot, e.g. "+1 ••• ••• ••12", "j•••@acme.com". */
        List<String> maskedContacts,
        /* Human label of the method in use, e.g. "Push + code", "SMS code". */
        String methodLabel,
        String technicianName,
        /* The technician's user id on the platform the card is posted to (Teams refresh.userIds). */
        String technicianPlatformUserId,
        Instant deadline,
        CardPhase phase,
        /* The delivery ladder, oldest first: "Push not possible: notifications disabled", "SMS sent", "delivered". */
        List<DeliveryLine> delivery,
        /* What the end user answered so far, e.g. "Waiting", "Approved ✓", "Denied". */
        String userResponse,
        /* The user pressed "I did not ask for this" in the app: someone may be posing as them. */
        boolean userReported,
        Optional<OutcomeLine> outcome,
        /* Risk warnings, e.g. "Mobile number changed 2 days ago". */
        List<String> warnings,
        /* Buttons the requesting technician may press now; empty once the verification is final. While
           a second technician is needed, Approve and Deny are theirs (never the requester's). */
        Set<CardAction> actions,
        /* Dual control: who approved first ("Tina", "the end user, in the app"); blank without dual control. */
        String firstApproval,
        /* Dual control: why the customer's policy covers the end user ("member of Domain Admins"); blank without it. */
        String dualControlReason) {

    public VerificationCardView {
        maskedContacts = List.copyOf(maskedContacts);
        delivery = List.copyOf(delivery);
        warnings = List.copyOf(warnings);
        actions = Set.copyOf(actions);
        firstApproval = firstApproval == null ? "" : firstApproval;
        dualControlReason = dualControlReason == null ? "" : dualControlReason;
    }

    /** Without the reason for dual control (a verification that started before it was kept). */
    public VerificationCardView(String verificationId, String customerName, String customerSlug,
                                String endUserDisplayName, String endUserUsername, List<String> maskedContacts,
                                String methodLabel, String technicianName, String technicianPlatformUserId,
                                Instant deadline, CardPhase phase, List<DeliveryLine> delivery, String userResponse,
                                boolean userReported, Optional<OutcomeLine> outcome, List<String> warnings,
                                Set<CardAction> actions, String firstApproval) {
        this(verificationId, customerName, customerSlug, endUserDisplayName, endUserUsername, maskedContacts,
                methodLabel, technicianName, technicianPlatformUserId, deadline, phase, delivery, userResponse,
                userReported, outcome, warnings, actions, firstApproval, "");
    }

    /** Without dual control. */
    public VerificationCardView(String verificationId, String customerName, String customerSlug,
                                String endUserDisplayName, String endUserUsername, List<String> maskedContacts,
                                String methodLabel, String technicianName, String technicianPlatformUserId,
                                Instant deadline, CardPhase phase, List<DeliveryLine> delivery, String userResponse,
                                boolean userReported, Optional<OutcomeLine> outcome, List<String> warnings,
                                Set<CardAction> actions) {
        this(verificationId, customerName, customerSlug, endUserDisplayName, endUserUsername, maskedContacts,
                methodLabel, technicianName, technicianPlatformUserId, deadline, phase, delivery, userResponse,
                userReported, outcome, warnings, actions, "", "");
    }

    public boolean isFinal() {
        return phase.isFinal();
    }

    /** One rung of the delivery ladder as the card shows it. */
    public record DeliveryLine(String text, Instant at) {}

    /** The final outcome line: label ("Verified"), when, and who or what decided it. */
    public record OutcomeLine(String label, Instant at, String decidedBy) {}
}
