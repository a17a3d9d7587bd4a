package io.helpdeskverify.cards;

/** Where a verification stands, as a reader of the card needs to know it. */
public enum CardPhase {
    SENDING(false),
    WAITING_FOR_USER(false),
    WAITING_FOR_TECHNICIAN(false),
    /** Dual control: the first approval is in, another technician must approve or deny. */
    WAITING_FOR_SECOND_TECHNICIAN(false),
    VERIFIED(true),
    UNABLE_TO_VERIFY(true),
    EXPIRED(true),
    FAILED(true),
    CANCELLED(true);

    private final boolean isFinal;

    CardPhase(boolean isFinal) {
        this.isFinal = isFinal;
    }

    public boolean isFinal() {
        return isFinal;
    }
}
