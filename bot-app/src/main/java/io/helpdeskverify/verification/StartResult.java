package io.helpdeskverify.verification;

import java.util.Optional;

/** The answer to a start request: a verification, or why none was started (nothing is stored then). */
public sealed interface StartResult permits StartResult.Started, StartResult.Refused {

    /** @param code the plain code the requesting technician must see, where the method has one */
    record Started(Verification verification, Optional<String> code) implements StartResult {
        @Override
        public String toString() {
            return "Started[" + verification.id() + "]";
        }
    }

    record Refused(Reason reason, String message) implements StartResult {}

    enum Reason {
        UNKNOWN_CUSTOMER,
        UNKNOWN_USER,
        USER_DISABLED,
        METHOD_NOT_AVAILABLE,
        RATE_LIMITED
    }
}
