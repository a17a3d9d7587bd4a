package io.helpdeskverify.delivery.outbox;

import io.helpdeskverify.delivery.ChallengeSender;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.StandInSenders;
import io.helpdeskverify.verification.Channel;
import java.time.Clock;

/** Makes the outbox stand-in for a channel that has no real provider configured. */
public class OutboxSenders implements StandInSenders {

    private final Outbox outbox;
    private final ChallengeTexts texts;
    private final Clock clock;

    OutboxSenders(Outbox outbox, ChallengeTexts texts, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public ChallengeSender sender(Channel channel) {
        return new OutboxSender(channel, outbox, texts, clock);
    }
}
