package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.Channel;

/**
 * Senders for the channels that have no provider configured: the local profile's outbox, absent
 * everywhere else. A port here, so {@code delivery} finds the outbox as a bean without naming it
 * and {@code delivery.outbox} stays the only side that knows the other.
 */
public interface StandInSenders {

    /** A sender that records what it would have sent on this channel instead of sending it. */
    ChallengeSender sender(Channel channel);
}
