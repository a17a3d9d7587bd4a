package io.helpdeskverify.delivery;

/**
 * What a sender reports. Reasons and details are shown on the card and in the audit log, so
 * contacts in them are masked and they never carry the code.
 */
public sealed interface SendOutcome permits SendOutcome.Accepted, SendOutcome.Failed, SendOutcome.RetryLater {

    /** The provider took it; {@code detail} completes "SMS sent …", e.g. "to +1 ••• ••• ••12". */
    record Accepted(String detail) implements SendOutcome {}

    /** It cannot go this way (dead token, invalid number): the ladder moves to the next rung at once. */
    record Failed(String reason) implements SendOutcome {}

    /**
     * The provider is busy or away for a moment: the dispatcher tries again with back-off while
     * the countdown leaves the user time to answer, then moves down the ladder with this reason.
     */
    record RetryLater(String reason) implements SendOutcome {}
}
