package io.helpdeskverify.directory;

import java.util.Optional;
import java.util.Set;

/**
 * A customer's overrides of the verification defaults; empty means "use the service default".
 * Methods are kept by name so the directory does not depend on the verification package; the
 * admin API accepts only names of {@code io.helpdeskverify.verification.Method}.
 */
public record CustomerPolicy(
        Optional<Integer> countdownSeconds,
        Optional<Integer> codeLength,
        Optional<Integer> maxChallengesPerUser,
        Optional<Integer> maxChallengesPerTechnician,
        Set<String> allowedMethods) {

    public CustomerPolicy {
        allowedMethods = Set.copyOf(allowedMethods);
    }

    public static CustomerPolicy defaults() {
        return new CustomerPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    }
}
