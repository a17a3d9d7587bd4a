package io.helpdeskverify.verification;

import java.util.List;

/** The result of a pure transition: what to store (and log), or why nothing changes. */
public sealed interface Transition permits Transition.Applied, Transition.CodeMismatch, Transition.Rejected {

    /** The move is legal: store {@code next} and append {@code events}, atomically. */
    record Applied(Verification next, List<VerificationEvent> events) implements Transition {
        public Applied {
            events = List.copyOf(events);
        }
    }

    /** A wrong code for verified push: the attempt counts (so it is stored), the caller is told it failed. */
    record CodeMismatch(Verification next, int attemptsLeft) implements Transition {}

    record Rejected(Rejection rejection) implements Transition {}
}
