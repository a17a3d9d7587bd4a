package io.helpdeskverify.verification;

import io.helpdeskverify.events.EventType;
import java.time.Instant;

/** What a transition adds to the audit log; the log adds who, where and for whom. */
public record VerificationEvent(EventType type, Instant at, String reason) {

    public VerificationEvent {
        reason = reason == null ? "" : reason;
    }

    public static VerificationEvent of(EventType type, Instant at) {
        return new VerificationEvent(type, at, "");
    }
}
