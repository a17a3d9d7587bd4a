package io.helpdeskverify.web;

import io.helpdeskverify.verification.DecidedBy;
import io.helpdeskverify.verification.Verification;
import java.time.Instant;
import java.util.List;

/**
 * A verification as the API shows it; {@code code} only in the answer that created it, where the technician must see it.
 *
 * @param direction {@code USER_TO_TECHNICIAN}, or {@code TECHNICIAN_TO_USER} for a reverse check (the user checks the technician)
 */
record VerificationResponse(String id, String customer, String user, TechnicianBody technician, String requestedMethod,
                            String method, String state, String outcome, Instant createdAt, Instant expiresAt,
                            List<Step> delivery, Instant decidedAt, String decidedBy, String reason, String code,
                            String direction) {

    static VerificationResponse of(Verification v, String code) {
        return new VerificationResponse(v.id(), v.customer(), v.endUser(), TechnicianBody.of(v.technician()),
                v.requestedMethod().name(), v.method().name(), v.state().name(),
                v.outcome().map(Enum::name).orElse(null), v.createdAt(), v.expiresAt(),
                v.delivery().stream().map(d -> new Step(d.at(), d.channel().name(), d.status().name(), d.detail(),
                        d.text())).toList(),
                v.decidedAt().orElse(null), v.decidedBy().map(VerificationResponse::decidedBy).orElse(null),
                v.reason().isEmpty() ? null : v.reason(), code, v.direction().name());
    }

    /* The API's words for who decided, as it has always answered: a technician by their name. */
    private static String decidedBy(DecidedBy by) {
        return switch (by.kind()) {
            case END_USER -> "user";
            case TIMER -> "timer";
            case DELIVERY -> "delivery";
            case TECHNICIAN -> by.technician().orElseThrow().name();
        };
    }

    /** @param text the line the card shows, e.g. "SMS undelivered: carrier rejected (30007)" */
    record Step(Instant at, String channel, String status, String detail, String text) {}
}
