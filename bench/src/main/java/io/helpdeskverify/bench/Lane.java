package io.helpdeskverify.bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the fakes saw for one driver: its own Slack channel and, while one of its verifications is
 * in flight, the user's FCM token. One verification at a time per lane, so every signal is unambiguous.
 */
final class Lane {

    /** Something the bot did that a driver waits for; {@code nanos} is when the fake received it. */
    sealed interface Signal permits CardPosted, CardUpdated, PushReceived {
        long nanos();
    }

    record CardPosted(String ts, String verificationId, long nanos) implements Signal {}

    /** @param awaitingTechnician the card offers Approve/Deny; @param closed no Cancel any more: final */
    record CardUpdated(String ts, boolean awaitingTechnician, boolean closed, long nanos) implements Signal {}

    record PushReceived(String challengeId, String verificationId, long nanos) implements Signal {}

    final String channel;
    final String technicianId;
    private final BlockingQueue<Signal> inbox = new LinkedBlockingQueue<>();

    Lane(String channel, String technicianId) {
        this.channel = channel;
        this.technicianId = technicianId;
    }

    void offer(Signal s) {
        inbox.add(s);
    }

    Signal next(long timeoutMillis) throws InterruptedException {
        Signal s = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new IllegalStateException("lane " + channel + ": nothing from the bot within " + timeoutMillis + " ms");
        }
        return s;
    }

    void clear() {
        inbox.clear();
    }
}
