package io.helpdeskverify.verification;

import java.util.List;
import java.util.Locale;

/** The method to use after walking down the fallback ladder, or why nothing can reach the user. */
public sealed interface DeliveryPlan permits DeliveryPlan.Deliver, DeliveryPlan.Impossible {

    /** @param skipped each rung above {@code method} that could not be used, in ladder order */
    record Deliver(Method method, List<Skip> skipped) implements DeliveryPlan {
        public Deliver {
            skipped = List.copyOf(skipped);
        }

        /** The skipped rungs as one line each, e.g. "push not possible: notifications disabled". */
        public List<String> fallbacks() {
            return skipped.stream().map(Skip::describe).toList();
        }
    }

    /** @param skipped the rungs that were tried or ruled out, in ladder order (empty when nothing was tried) */
    record Impossible(String reason, List<Skip> skipped) implements DeliveryPlan {
        public Impossible {
            skipped = List.copyOf(skipped);
        }

        public Impossible(String reason) {
            this(reason, List.of());
        }
    }

    /**
     * A rung that could not be used, with the channel it belongs to so the card can say "Push not
     * possible: notifications disabled" and not blame the wrong channel.
     */
    record Skip(Channel channel, String reason) {

        public String describe() {
            return channelName(channel) + " not possible: " + reason;
        }

        public static String channelName(Channel c) {
            return c == Channel.SMS ? "SMS" : c.name().toLowerCase(Locale.ROOT);
        }
    }
}
