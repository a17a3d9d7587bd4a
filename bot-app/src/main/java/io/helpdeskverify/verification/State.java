package io.helpdeskverify.verification;

import java.util.Optional;

/** The states of the brief. Final states carry the outcome the card and the audit thread show. */
public enum State {
    PENDING(null),
    SENT(null),
    /** The user approved a push + code; the technician still has to compare the code. */
    USER_APPROVED(null),
    /**
     * Dual control: the requesting technician approved a high-risk user's verification; a second
     * technician (another person) must approve or deny it before it is final (docs/dual-control.md).
     */
    AWAITING_SECOND(null),
    VERIFIED(Outcome.VERIFIED),
    USER_DENIED(Outcome.UNABLE_TO_VERIFY),
    /** The technician approved after the code was read back. */
    APPROVED(Outcome.VERIFIED),
    DENIED(Outcome.UNABLE_TO_VERIFY),
    EXPIRED(Outcome.EXPIRED),
    DELIVERY_FAILED(Outcome.FAILED),
    CANCELLED(Outcome.CANCELLED);

    private final Outcome outcome;

    State(Outcome outcome) {
        this.outcome = outcome;
    }

    public boolean isFinal() {
        return outcome != null;
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
