package io.helpdeskverify.verification;

import java.time.Duration;
import java.util.Set;

/** The effective rules for one customer: service defaults overlaid with the customer's policy. */
public record VerificationPolicy(Duration countdown, int codeLength, ChallengeBudget.Limits limits, Set<Method> allowedMethods) {

    public static final Duration MIN_COUNTDOWN = Duration.ofSeconds(30);
    public static final Duration MAX_COUNTDOWN = Duration.ofMinutes(10);

    public VerificationPolicy {
        if (countdown.compareTo(MIN_COUNTDOWN) < 0 || countdown.compareTo(MAX_COUNTDOWN) > 0) {
            throw new IllegalArgumentException("countdown must be between 30 s and 10 min");
        }
        if (codeLength < Codes.MIN_LENGTH || codeLength > Codes.MAX_LENGTH) {
            throw new IllegalArgumentException("code length must be between 6 and 10");
        }
        allowedMethods = Set.copyOf(allowedMethods);
    }
}
