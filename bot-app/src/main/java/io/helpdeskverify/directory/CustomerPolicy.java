package io.helpdeskverify.directory;

import java.util.Optional;
import java.util.Set;

/**
 * A customer's overrides of the verification defaults; empty means "use the service default".
 * Methods are kept by name so the directory does not depend on the verification package; the
 * admin API accepts only names of {@code io.helpdeskverify.verification.Method}.
 *
 * @param maxChallengesPerCustomer challenges to all of this customer's users within the window
 *        (SMS cost and SMS bombing across many users)
 * @param allowUnmatchedPsaContacts whether a ticket's contact that is none of the imported end users may be
 *        verified on the PSA's own contact details; empty means yes
 * @param dualControl whose verifications need a second technician ({@link DualControl#OFF}: nobody's)
 * @param alerts the customer's own security-alert rules ({@link AlertPolicy#DEFAULTS}: the service's)
 */
public record CustomerPolicy(
        Optional<Integer> countdownSeconds,
        Optional<Integer> codeLength,
        Optional<Integer> maxChallengesPerUser,
        Optional<Integer> maxChallengesPerTechnician,
        Optional<Integer> maxChallengesPerCustomer,
        Set<String> allowedMethods,
        Optional<Boolean> allowUnmatchedPsaContacts,
        DualControl dualControl,
        AlertPolicy alerts) {

    public CustomerPolicy {
        dualControl = dualControl == null ? DualControl.OFF : dualControl;
        alerts = alerts == null ? AlertPolicy.DEFAULTS : alerts;
        // Policies stored before the fields existed read back with null.
        maxChallengesPerCustomer = maxChallengesPerCustomer == null ? Optional.empty() : maxChallengesPerCustomer;
        allowedMethods = Set.copyOf(allowedMethods);
        allowUnmatchedPsaContacts = allowUnmatchedPsaContacts == null ? Optional.empty() : allowUnmatchedPsaContacts;
    }

    /** With the service's alert rules. */
    public CustomerPolicy(Optional<Integer> countdownSeconds, Optional<Integer> codeLength,
                          Optional<Integer> maxChallengesPerUser, Optional<Integer> maxChallengesPerTechnician,
                          Optional<Integer> maxChallengesPerCustomer, Set<String> allowedMethods,
                          Optional<Boolean> allowUnmatchedPsaContacts, DualControl dualControl) {
        this(countdownSeconds, codeLength, maxChallengesPerUser, maxChallengesPerTechnician, maxChallengesPerCustomer,
                allowedMethods, allowUnmatchedPsaContacts, dualControl, AlertPolicy.DEFAULTS);
    }

    /** Without dual control. */
    public CustomerPolicy(Optional<Integer> countdownSeconds, Optional<Integer> codeLength,
                          Optional<Integer> maxChallengesPerUser, Optional<Integer> maxChallengesPerTechnician,
                          Optional<Integer> maxChallengesPerCustomer, Set<String> allowedMethods,
                          Optional<Boolean> allowUnmatchedPsaContacts) {
        this(countdownSeconds, codeLength, maxChallengesPerUser, maxChallengesPerTechnician, maxChallengesPerCustomer,
                allowedMethods, allowUnmatchedPsaContacts, DualControl.OFF);
    }

    /** Without the PSA setting: unmatched contacts follow the default (allowed). */
    public CustomerPolicy(Optional<Integer> countdownSeconds, Optional<Integer> codeLength,
                          Optional<Integer> maxChallengesPerUser, Optional<Integer> maxChallengesPerTechnician,
                          Optional<Integer> maxChallengesPerCustomer, Set<String> allowedMethods) {
        this(countdownSeconds, codeLength, maxChallengesPerUser, maxChallengesPerTechnician, maxChallengesPerCustomer,
                allowedMethods, Optional.empty());
    }

    public boolean unmatchedPsaContactsAllowed() {
        return allowUnmatchedPsaContacts.orElse(true);
    }

    /** Without a per-customer challenge limit of its own. */
    public CustomerPolicy(Optional<Integer> countdownSeconds, Optional<Integer> codeLength,
                          Optional<Integer> maxChallengesPerUser, Optional<Integer> maxChallengesPerTechnician,
                          Set<String> allowedMethods) {
        this(countdownSeconds, codeLength, maxChallengesPerUser, maxChallengesPerTechnician, Optional.empty(),
                allowedMethods, Optional.empty());
    }

    public static CustomerPolicy defaults() {
        return new CustomerPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), DualControl.OFF, AlertPolicy.DEFAULTS);
    }
}
