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

    /**
     * The step as one line, the same on the card and in the API ("SMS undelivered: carrier rejected
     * (30007)"). Here, beside {@link DeliveryPlan.Skip#describe()}, because both surfaces print it and
     * neither may depend on the other. Step details are masked already.
     */
    public String text() {
        String channelName = DeliveryPlan.Skip.channelName(channel);
        String name = Character.toUpperCase(channelName.charAt(0)) + channelName.substring(1);
        return switch (status) {
            case NOT_POSSIBLE -> name + " not possible" + colon(detail);
            case SENDING -> name + " " + (detail.isEmpty() ? "sending" : detail);
            case SENT -> name + " sent" + (detail.isEmpty() ? "" : " " + detail);
            case DELIVERED -> name + " delivered" + colon(detail);
            case UNDELIVERED -> name + " undelivered" + colon(detail);
            case FAILED -> name + " failed" + colon(detail);
        };
    }

    private static String colon(String detail) {
        return detail.isEmpty() ? "" : ": " + detail;
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
