package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.store.SentCards;
import io.helpdeskverify.verification.UnpublishedOutcomes;
import io.helpdeskverify.verification.Verification;
import org.springframework.stereotype.Component;

/**
 * Marks a verification's outcome as shown once it is: every card repainted at the final version and
 * the outcome in the audit threads. Until then the store's record of it stays, and an instance
 * that outlives the one that made the change finishes the job ({@link OutcomeSweeper}).
 */
@Component
public class OutcomeDelivery {

    private final SentCards bindings;
    private final UnpublishedOutcomes unpublished;

    OutcomeDelivery(SentCards bindings, UnpublishedOutcomes unpublished) {
        this.bindings = bindings;
        this.unpublished = unpublished;
    }

    /** Called after a card update or the outcome's audit reply; cheap when there is nothing to mark. */
    void check(Verification v) {
        if (!v.isFinal()) {
            return;
        }
        if (bindings.isOutcomeAudited(v.id()) && bindings.notPaintedAt(v.id(), v.version()).isEmpty()) {
            unpublished.shown(v.id());
        }
    }
}
