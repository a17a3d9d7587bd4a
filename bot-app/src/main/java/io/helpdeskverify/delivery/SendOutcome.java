package io.helpdeskverify.delivery;

/** What a sender reports. Details are for the card and the audit log, so contacts in them are masked. */
public sealed interface SendOutcome permits SendOutcome.Accepted, SendOutcome.Failed {

    /** The provider took it, e.g. "to +1 ••• ••• ••12". */
    record Accepted(String detail) implements SendOutcome {}

    /** It cannot go this way; the ladder moves to the next rung. */
    record Failed(String reason) implements SendOutcome {}
}
