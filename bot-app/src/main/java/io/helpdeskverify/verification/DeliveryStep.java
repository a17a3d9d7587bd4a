package io.helpdeskverify.verification;

import java.time.Instant;
import java.util.Objects;

/**
 * One rung of the delivery ladder as the card shows it, e.g. "push not possible: notifications
 * disabled", "SMS sent", "delivered". The detail never holds a full contact.
 */
public record DeliveryStep(Instant at, Channel channel, DeliveryStatus status, String detail) {

    public DeliveryStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public enum DeliveryStatus {
        NOT_POSSIBLE,
        SENDING,
        /** The provider accepted it (FCM message id, Twilio queued/sent, SMTP accepted). */
        SENT,
        DELIVERED,
        UNDELIVERED,
        FAILED
    }
}
