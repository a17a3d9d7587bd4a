package io.helpdeskverify.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodesTest {

    private final Codes codes = new Codes("k".repeat(32).getBytes(), new SecureRandom());
    private final Instant later = Instant.parse("2026-11-24T10:10:00Z");

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 8, 9, 10})
    void codesHaveTheConfiguredLengthAndOnlyDigits(int length) {
        for (int i = 0; i < 200; i++) {
            assertThat(codes.generate(length)).hasSize(length).matches("[0-9]+");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 11})
    void lengthsOutsideSixToTenAreRefused(int length) {
        assertThatThrownBy(() -> codes.generate(length)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDigitAppearsInEveryPosition() {
        // A biased generator (e.g. never a leading zero) fails this with overwhelming probability.
        var seen = new HashSet<String>();
        for (int i = 0; i < 5000; i++) {
            String c = codes.generate(6);
            for (int p = 0; p < 6; p++) {
                seen.add(p + ":" + c.charAt(p));
            }
        }
        assertThat(seen).hasSize(60);
    }

    @Test
    void theDigestIsAKeyedHashAndNeverTheCode() {
        var d = codes.digest("v1", "123456", later);
        assertThat(d.hash()).doesNotContain("123456").hasSize(64).matches("[0-9a-f]+");
        assertThat(codes.matches("v1", "123456", d)).isTrue();
        assertThat(codes.matches("v1", "123457", d)).isFalse();
        // Bound to its verification: the same code elsewhere does not match.
        assertThat(codes.matches("v2", "123456", d)).isFalse();
        // Keyed: another server key gives another digest.
        var other = new Codes("x".repeat(32).getBytes(), new SecureRandom());
        assertThat(other.digest("v1", "123456", later).hash()).isNotEqualTo(d.hash());
        assertThat(other.matches("v1", "123456", d)).isFalse();
    }

    @Test
    void aCorruptDigestNeverMatches() {
        assertThat(codes.matches("v1", "123456", new CodeDigest("not-hex", later))).isFalse();
    }

    @Test
    void aShortServerKeyIsRefused() {
        assertThatThrownBy(() -> new Codes(new byte[16], new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    }
}
