package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.Channel;

/** Sends a challenge on one channel. Blocking; called off the request thread. Must not throw. */
public interface ChallengeSender {

    Channel channel();

    SendOutcome send(Challenge challenge);

    /** Sends a plain notice to the user on this channel. A channel that cannot carry one (push) says so. */
    default SendOutcome sendNotice(Notice notice) {
        return new SendOutcome.Failed("this channel carries no notices");
    }
}
