package io.helpdeskverify.psa;

import io.helpdeskverify.verification.Technician;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A page session of the ticket page: one technician, one ticket, a short life. Issued only after the
 * PSA confirmed the member (ConnectWise) or a one-time code was typed (Autotask).
 *
 * @param ticketRef the ticket as the page named it (ConnectWise id, Autotask id or number)
 * @param verifications the verifications started in this session: the only ones it may read or decide
 */
public record PodSession(PsaProvider provider, String ticketRef, PodGrant grant, Instant expiresAt,
                         Set<String> verifications) {

    public PodSession {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(ticketRef, "ticketRef");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(expiresAt, "expiresAt");
        verifications = verifications == null ? Set.of() : Set.copyOf(verifications);
    }

    public Technician technician() {
        return grant.technician();
    }
}
