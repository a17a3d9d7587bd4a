package io.helpdeskverify.psa;

import java.util.Optional;

/**
 * A PSA member the PSA itself confirmed.
 *
 * @param identifier the PSA's own spelling of the member id
 * @param email the member's email from the member record (never the browser's claim): how the technician is named
 */
public record PodMember(String identifier, Optional<String> email) {

    public PodMember {
        email = email == null ? Optional.empty() : email.filter(e -> !e.isBlank());
    }
}
