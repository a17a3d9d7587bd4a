package io.helpdeskverify.delivery.outbox;

import io.helpdeskverify.verification.Channel;
import java.time.Instant;

/**
 * What would have been sent, for the local profile's outbox. Holds the full contact and the text
 * (with the code): it is the stand-in for the user's phone and mailbox, so it exists only where
 * the outbox is enabled, and expires.
 */
public record OutboxMessage(Instant at, Channel channel, String to, String subject, String body,
                            String verificationId, String challengeId) {}
