package io.helpdeskverify.web;

import io.helpdeskverify.verification.DecidedBy;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Verification;
import java.time.Instant;
import java.util.List;

/**
 * A verification as the API shows it; {@code code} only in the answer that created it, where the technician must see it.
 *
 * @param dualControl true when a second technician must confirm (docs/dual-control.md); absent otherwise
 * @param firstApprovedBy under dual control, who approved first (the requester's name, or "user" for the
 *                        end user in the app), once they did; {@code decidedBy} is then the second technician
 * @param dualControlReason under dual control, why the customer's policy covers the end user ("member of Domain
 *                          Admins", "named high-risk user", "every verification of the customer"); absent otherwise
 * @param direction {@code USER_TO_TECHNICIAN}, or {@code TECHNICIAN_TO_USER} for a reverse check (the user checks the technician)
 */
record VerificationResponse(String id, String customer, String user, TechnicianBody technician, String requestedMethod,
                            String method, String state, String outcome, Instant createdAt, Instant expiresAt,
                            List<Step> delivery, Instant decidedAt, String decidedBy, String reason, String code,
                            Boolean dualControl, String dualControlReason, String firstApprovedBy, String direction) {

    static VerificationResponse of(Verification v, String code) {
        return new VerificationResponse(v.id(), v.customer(), v.endUser(), TechnicianBody.of(v.technician()),
                v.requestedMethod().name(), v.method().name(), v.state().name(),
                v.outcome().map(Enum::name).orElse(null), v.createdAt(), v.expiresAt(),
                v.delivery().stream().map(d -> new Step(d.at(), d.channel().name(), d.status().name(), d.detail(),
                        d.text())).toList(),
                v.decidedAt().orElse(null), v.decidedBy().map(VerificationResponse::decidedBy).orElse(null),
                v.reason().isEmpty() ? null : v.reason(), code, v.dualControl() ? Boolean.TRUE : null,
                v.dualControlWhy().orElse(null), firstApprovedBy(v), v.direction().name());
    }

    private static String firstApprovedBy(Verification v) {
        if (v.state() != State.AWAITING_SECOND && v.secondTechnician().isEmpty()) {
            return null;
        }
        return v.firstApproval().map(t -> t.name()).orElse("user");
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
