package io.helpdeskverify.directory;

import java.time.Instant;

/** What became of an enrolment link sent to the user. */
public sealed interface InviteOutcome permits InviteOutcome.Sent, InviteOutcome.NotSent {

    /** @param to the masked contact it went to, e.g. "+1 ••• ••• ••12" */
    record Sent(InviteChannel via, String to, Instant expiresAt) implements InviteOutcome {}

    /** @param reason the provider's reason, never the contact */
    record NotSent(InviteChannel via, String reason) implements InviteOutcome {}
}
