package io.helpdeskverify.verification;

import java.util.List;

/** The method to use after walking down the fallback ladder, or why nothing can reach the user. */
public sealed interface DeliveryPlan permits DeliveryPlan.Deliver, DeliveryPlan.Impossible {

    /** @param fallbacks why each rung above {@code method} was skipped, in ladder order */
    record Deliver(Method method, List<String> fallbacks) implements DeliveryPlan {
        public Deliver {
            fallbacks = List.copyOf(fallbacks);
        }
    }

    record Impossible(String reason) implements DeliveryPlan {}
}
