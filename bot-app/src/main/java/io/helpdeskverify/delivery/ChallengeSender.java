package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.Channel;

/** Sends a challenge on one channel. Blocking; called off the request thread. Must not throw. */
public interface ChallengeSender {

    Channel channel();

    SendOutcome send(Challenge challenge);
}
