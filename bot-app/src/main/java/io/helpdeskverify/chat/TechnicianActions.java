package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.AccessGuard;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.cards.AuditEntries;
import io.helpdeskverify.chat.cards.CardPublisher;
import io.helpdeskverify.chat.cards.CardViewMapper;
import io.helpdeskverify.chat.store.RefusedClicks;
import io.helpdeskverify.chat.store.SentCards;

import io.helpdeskverify.access.AccessDecision;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.cards.CardAction;
import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Outcome;
import io.helpdeskverify.verification.Rejection;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Approve, Deny and Cancel on a card, for every platform: the service decides (and records an
 * intruder's click as {@code UNAUTHORIZED_ACTION}); this turns its answer into words for the
 * person who clicked. A successful click needs no answer: the card itself changes. Before the
 * service is asked, the access policy is: a person who may not verify the customer (or is of
 * another organisation) is refused here, even the one who started it if their access was since
 * withdrawn. Refusals are throttled per person and verification ({@link RefusedClicks}). Under dual
 * control another technician's Approve or Deny is the second decision, and the requester's is refused.
 */
@Component
public class TechnicianActions {

    private final VerificationService verifications;
    private final SentCards bindings;
    private final CardPublisher publisher;
    private final CardViewMapper mapper;
    private final AccessGuard guard;
    private final RefusedClicks refusedClicks;
    private final Clock clock;

    public TechnicianActions(VerificationService verifications, SentCards bindings, CardPublisher publisher,
                             CardViewMapper mapper, AccessGuard guard, RefusedClicks refusedClicks, Clock clock) {
        this.verifications = verifications;
        this.bindings = bindings;
        this.publisher = publisher;
        this.mapper = mapper;
        this.guard = guard;
        this.refusedClicks = refusedClicks;
        this.clock = clock;
    }

    /** @return what to tell the person who clicked, privately; empty when the card says it all */
    public Optional<PrivateMessage> handle(CardAction action, String verificationId, Technician who,
                                           TechnicianContext where) {
        Optional<Verification> found = verificationId.isBlank() ? Optional.empty() : verifications.find(verificationId);
        if (found.isEmpty()) {
            return Optional.of(gone());
        }
        Verification v = found.get();
        AccessDecision access = guard.of(where).decision(v.customer());
        boolean requester = v.technician().isSamePersonAs(who);
        // Dual control: while a second technician is needed, Approve and Deny are everyone's but the requester's.
        boolean secondTechnician = !requester && v.state() == State.AWAITING_SECOND && action != CardAction.CANCEL;
        if ((access instanceof AccessDecision.Refused || !(requester || secondTechnician))
                && !refusedClicks.spend(who, v.id())) {
            // Enough of this person's refusals on this verification are on record; more would only flood it.
            return Optional.of(PrivateMessage.Notice.warning("Stop: this button is not yours to press.",
                    "Further presses on this verification are ignored for a while."));
        }
        if (access instanceof AccessDecision.Refused refused) {
            guard.record(who, where, "", "", Optional.of(v), "pressed " + label(action), refused.reason());
            publisher.audit(bindings.cards(v.id()), AuditEntries.entry(mapper.view(v), clock.instant(),
                    "Refused: not allowed to verify this customer", who.name() + " pressed " + label(action) + "."));
            return Optional.of(AccessGuard.doorNotice(refused.reason()));
        }
        ActionResult result = switch (action) {
            case APPROVE -> verifications.decide(verificationId, who, true);
            case DENY -> verifications.decide(verificationId, who, false);
            case CANCEL -> verifications.cancel(verificationId, who);
        };
        if (result instanceof ActionResult.Done) {
            return Optional.empty();
        }
        if (result instanceof ActionResult.NotFound) {
            return Optional.of(gone());
        }
        if (result instanceof ActionResult.WrongCode) {
            return Optional.of(PrivateMessage.Notice.error("That is not possible with this verification method."));
        }
        var refused = (ActionResult.Refused) result;
        v = refused.verification();
        if (refused.rejection() == Rejection.NOT_YOUR_VERIFICATION) {
            var view = mapper.view(v);
            publisher.audit(bindings.cards(v.id()), AuditEntries.entry(view, clock.instant(),
                    "Refused: not the requesting technician", who.name() + " pressed " + label(action)
                            + "; only " + v.technician().name() + " may decide."));
            if (v.state() == State.AWAITING_SECOND) {
                // Dual control: everyone else's Approve and Deny count; only Cancel stays the requester's.
                return Optional.of(PrivateMessage.Notice.warning("Only " + v.technician().name()
                                + ", who started this verification, can cancel it.",
                        "As a second technician you can approve or deny it. Your attempt was recorded in the audit log."));
            }
            return Optional.of(PrivateMessage.Notice.warning("Only " + v.technician().name()
                            + ", who started this verification, can approve, deny or cancel it.",
                    "Your attempt was recorded in the audit log. If you need to verify this caller yourself, "
                            + "start your own verification."));
        }
        if (refused.rejection() == Rejection.OWN_APPROVAL) {
            return Optional.of(PrivateMessage.Notice.warning("A second technician must approve or deny this verification.",
                    "You started it, so you cannot confirm it yourself. Ask a colleague to press Approve or Deny on the "
                            + "card; you can still cancel it."));
        }
        if (refused.rejection() == Rejection.ALREADY_DECIDED) {
            return Optional.of(PrivateMessage.Notice.info("Already decided: "
                    + v.outcome().map(Outcome::label).orElse("finished") + "."));
        }
        return Optional.of(PrivateMessage.Notice.warning(refused.rejection().message()));
    }

    private static PrivateMessage gone() {
        return PrivateMessage.Notice.warning("This verification no longer exists.",
                "Finished verifications are kept for a limited time. Start a new one if you still need it.");
    }

    private static String label(CardAction action) {
        return switch (action) {
            case APPROVE -> "Approve";
            case DENY -> "Deny";
            case CANCEL -> "Cancel";
        };
    }
}
