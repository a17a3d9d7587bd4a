package io.helpdeskverify.chat.cards;

import io.helpdeskverify.cards.VerificationCardView.DeliveryLine;
import io.helpdeskverify.verification.DeliveryStep;
import java.util.List;

/**
 * The delivery ladder as the card prints it, oldest first: "Push not possible: notifications
 * disabled", "SMS sent to +1 ••• ••• ••12", "SMS delivered", "SMS undelivered: carrier rejected
 * (30007)", "Delivery failed: no other way to reach the user". Part of the card mapping, so it lives
 * with the chat flow; the wording of one step is {@link DeliveryStep#text()}, which the API shows too.
 */
public final class DeliveryLines {

    private DeliveryLines() {}

    public static List<DeliveryLine> of(List<DeliveryStep> steps) {
        return steps.stream().map(s -> new DeliveryLine(s.text(), s.at())).toList();
    }
}
