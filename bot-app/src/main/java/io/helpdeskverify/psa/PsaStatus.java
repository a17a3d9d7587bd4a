package io.helpdeskverify.psa;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an admin needs to see about one PSA connection: what is set (never a secret) and whether a
 * test call went through.
 *
 * @param testCall empty when not configured (nothing was tried)
 */
public record PsaStatus(PsaProvider provider, boolean configured, Map<String, String> settings,
                        Optional<TestCall> testCall, Optional<Long> callsThisHour) {

    public PsaStatus {
        settings = Map.copyOf(settings);
    }

    /** @param message what failed and what to fix; empty when it worked */
    public record TestCall(boolean ok, Instant at, String message) {}
}
