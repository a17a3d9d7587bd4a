package io.helpdeskverify.verification;

import java.util.List;
import java.util.Optional;

/**
 * Published after every stored transition, on the instance that made it. The plain code is here
 * (in memory only, never stored) when a new code was just issued, so that delivery can send it and
 * the chat surface can show it to the requesting technician.
 */
public record VerificationChange(Verification verification, List<VerificationEvent> events, Optional<String> newCode) {

    public VerificationChange {
        events = List.copyOf(events);
    }

    public boolean issuedChallenge() {
        return verification.state() == State.PENDING && events.stream().anyMatch(e ->
                e.type() == io.helpdeskverify.events.EventType.VERIFICATION_REQUESTED
                        || e.type() == io.helpdeskverify.events.EventType.FALLBACK_USED);
    }

    @Override
    public String toString() {
        // Never let the code reach a log line through toString().
        return "VerificationChange[" + verification.id() + " " + verification.state() + " " + events + "]";
    }
}
