package io.helpdeskverify.verification;

import io.helpdeskverify.events.EventType;
import java.time.Instant;
import java.util.Optional;

/**
 * What a transition adds to the audit log; the log adds who, where and for whom.
 *
 * @param actor who did it when that is not the requesting technician (dual control's second
 *              technician); empty means the requesting technician, as for every other step
 */
public record VerificationEvent(EventType type, Instant at, String reason, Optional<Technician> actor) {

    public VerificationEvent {
        reason = reason == null ? "" : reason;
        actor = actor == null ? Optional.empty() : actor;
    }

    public VerificationEvent(EventType type, Instant at, String reason) {
        this(type, at, reason, Optional.empty());
    }

    public static VerificationEvent of(EventType type, Instant at) {
        return new VerificationEvent(type, at, "");
    }
}
