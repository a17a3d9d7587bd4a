package io.helpdeskverify.chat.cards;

import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.cards.VerificationCardView;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationEvent;
import java.time.Instant;
import java.util.Optional;

/** Which steps of a verification the audit thread shows, and in which words. */
public final class AuditEntries {

    private AuditEntries() {}

    /** Outcomes (denials included, with their reason) and fallbacks; the other steps stay in the event log. */
    static Optional<AuditEntry> of(Verification v, VerificationCardView view, VerificationEvent e) {
        String kind = switch (e.type()) {
            case FALLBACK_USED -> "Fallback used";
            case SECOND_TECHNICIAN_REQUESTED -> "Second technician needed";
            case SECOND_TECHNICIAN_APPROVED -> "Second technician approved";
            case SECOND_TECHNICIAN_DENIED -> "Second technician denied";
            case VERIFIED -> "Verified";
            case UNABLE_TO_VERIFY -> "Unable to verify";
            case EXPIRED -> "Expired";
            case DELIVERY_FAILED -> "Failed (delivery)";
            case CANCELLED -> "Cancelled";
            default -> "";
        };
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entry(view, e.at(), kind, e.type() == EventType.FALLBACK_USED ? fallbackDetail(v) : e.reason()));
    }

    /** A final verification's outcome line, from the verification alone (its event is not at hand). */
    static AuditEntry outcome(Verification v, VerificationCardView view) {
        String kind = switch (v.outcome().orElseThrow()) {
            case VERIFIED -> "Verified";
            case UNABLE_TO_VERIFY -> "Unable to verify";
            case EXPIRED -> "Expired";
            case FAILED -> "Failed (delivery)";
            case CANCELLED -> "Cancelled";
        };
        return entry(view, v.decidedAt().orElse(v.expiresAt()), kind, v.reason());
    }

    static boolean isOutcome(VerificationEvent e) {
        return switch (e.type()) {
            case VERIFIED, UNABLE_TO_VERIFY, EXPIRED, DELIVERY_FAILED, CANCELLED -> true;
            default -> false;
        };
    }

    public static AuditEntry entry(VerificationCardView view, Instant at, String kind, String detail) {
        return new AuditEntry(at, kind, view.endUserDisplayName(), view.customerName(), view.technicianName(),
                view.methodLabel(), detail);
    }

    /** "push not possible: notifications disabled → SMS code", as the card says it. */
    static String fallbackDetail(Verification v) {
        String why = v.delivery().stream()
                .filter(s -> s.status() == io.helpdeskverify.verification.DeliveryStep.DeliveryStatus.NOT_POSSIBLE)
                .reduce((a, b) -> b).map(s -> s.detail()).orElse("");
        return (why.isBlank() ? "" : why + " → ") + v.method().label();
    }
}
