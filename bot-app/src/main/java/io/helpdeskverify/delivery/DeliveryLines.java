package io.helpdeskverify.delivery;

import io.helpdeskverify.cards.VerificationCardView.DeliveryLine;
import io.helpdeskverify.verification.DeliveryPlan;
import io.helpdeskverify.verification.DeliveryStep;
import java.util.List;

/**
 * The delivery ladder as the card prints it, oldest first: "Push not possible: notifications
 * disabled", "SMS sent to +1 ••• ••• ••12", "SMS delivered", "SMS undelivered: carrier rejected
 * (30007)", "Delivery failed: no other way to reach the user". Step details are masked already.
 */
public final class DeliveryLines {

    private DeliveryLines() {}

    public static List<DeliveryLine> of(List<DeliveryStep> steps) {
        return steps.stream().map(s -> new DeliveryLine(text(s), s.at())).toList();
    }

    public static String text(DeliveryStep s) {
        String channel = DeliveryPlan.Skip.channelName(s.channel());
        String name = Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
        String detail = s.detail();
        return switch (s.status()) {
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
}
