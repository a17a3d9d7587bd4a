package io.helpdeskverify.verification;

import java.time.Duration;
import java.time.Instant;
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
        return Verification.builder().id("v1").customer("acme").endUser("alice").technician(TINA).channel("C1")
                .method(method).state(State.PENDING).createdAt(T0).expiresAt(T0.plusSeconds(60)).code(digest)
                .challengeId("ch1").version(1).build();
    }
}
