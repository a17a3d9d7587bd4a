package io.helpdeskverify.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Verifications in a given state, built through the real transitions where it matters. */
final class Verifications {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final Technician TINA = new Technician(Platform.SLACK, "U1", "Tina");
    static final Technician MALLORY = new Technician(Platform.SLACK, "U2", "Mallory");

    private Verifications() {}

    static Verification pending(Method method, Codes codes, String code) {
        var digest = method.usesCode() ? Optional.of(codes.digest("v1", code, T0.plus(Duration.ofMinutes(10))))
                : Optional.<CodeDigest>empty();
        return new Verification("v1", "acme", "alice", TINA, "C1", method, method, State.PENDING, T0,
                T0.plusSeconds(60), digest, "ch1", 0, List.of(), Optional.empty(), "", "", 1);
    }
}
