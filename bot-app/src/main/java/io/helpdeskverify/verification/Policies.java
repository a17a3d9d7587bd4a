package io.helpdeskverify.verification;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.CustomerPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** Overlays a customer's policy on the service defaults. */
public final class Policies {

    private final VerificationPolicy defaults;

    public Policies(VerificationPolicy defaults) {
        this.defaults = defaults;
    }

    public VerificationPolicy of(Customer customer) {
        CustomerPolicy p = customer.policy();
        var limits = new ChallengeBudget.Limits(
                p.maxChallengesPerUser().orElse(defaults.limits().perUser()),
                p.maxChallengesPerTechnician().orElse(defaults.limits().perTechnician()),
                p.maxChallengesPerCustomer().orElse(defaults.limits().perCustomer()),
                // The whole service's window: no customer may widen it.
                defaults.limits().global(),
                defaults.limits().window());
        return new VerificationPolicy(
                p.countdownSeconds().map(s -> Duration.ofSeconds(s)).orElse(defaults.countdown()),
                p.codeLength().orElse(defaults.codeLength()),
                limits,
                p.allowedMethods().isEmpty() ? defaults.allowedMethods() : methods(p.allowedMethods()));
    }

    public VerificationPolicy defaults() {
        return defaults;
    }

    /** Throws IllegalArgumentException naming the first unknown method. */
    public static Set<Method> methods(Set<String> names) {
        var out = EnumSet.noneOf(Method.class);
        for (String n : names) {
            out.add(Method.valueOf(n));
        }
        return out;
    }
}
