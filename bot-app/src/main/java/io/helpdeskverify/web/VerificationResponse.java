package io.helpdeskverify.web;

import io.helpdeskverify.verification.Verification;
import java.time.Instant;
import java.util.List;

/** A verification as the API shows it; {@code code} only in the answer that created it, where the technician must see it. */
record VerificationResponse(String id, String customer, String user, TechnicianBody technician, String requestedMethod,
                            String method, String state, String outcome, Instant createdAt, Instant expiresAt,
                            List<Step> delivery, Instant decidedAt, String decidedBy, String reason, String code) {

    static VerificationResponse of(Verification v, String code) {
        return new VerificationResponse(v.id(), v.customer(), v.endUser(), TechnicianBody.of(v.technician()),
                v.requestedMethod().name(), v.method().name(), v.state().name(),
                v.outcome().map(Enum::name).orElse(null), v.createdAt(), v.expiresAt(),
                v.delivery().stream().map(d -> new Step(d.at(), d.channel().name(), d.status().name(), d.detail(),
                        d.text())).toList(),
                v.decidedAt().orElse(null), v.decidedBy().isEmpty() ? null : v.decidedBy(),
                v.reason().isEmpty() ? null : v.reason(), code);
    }

    /** @param text the line the card shows, e.g. "SMS undelivered: carrier rejected (30007)" */
    record Step(Instant at, String channel, String status, String detail, String text) {}
}
