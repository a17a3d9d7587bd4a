package io.helpdeskverify.verification;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventType;
import java.time.Instant;
import java.util.List;

/** Turns what a transition did into audit-log rows with who, where and for whom. */
final class VerificationAudit {

    private VerificationAudit() {}

    static List<AuditEvent> rows(Verification v, List<VerificationEvent> events) {
        return events.stream().map(e -> row(v, e.type(), e.at(), e.reason(), e.actor().orElse(v.technician()))).toList();
    }

    static AuditEvent row(Verification v, EventType type, Instant at, String reason, Technician actor) {
        String outcome = v.outcome().filter(o -> isOutcomeEvent(type)).map(Outcome::name).orElse("");
        return new AuditEvent("", type, at, v.customer(), v.endUser(), actor.name(), actor.key(),
                actor.platform().name(), v.channel(), v.method().name(), v.id(), outcome, reason);
    }

    private static boolean isOutcomeEvent(EventType t) {
        return switch (t) {
            case VERIFIED, UNABLE_TO_VERIFY, EXPIRED, DELIVERY_FAILED, CANCELLED -> true;
            default -> false;
        };
    }
}
