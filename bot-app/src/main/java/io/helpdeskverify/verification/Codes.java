package io.helpdeskverify.verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time codes: drawn from {@link SecureRandom}, kept only as an HMAC-SHA256 under the server key
 * (NIST SP 800-63B, OWASP ASVS V2.7). The verification id is part of the MAC input, so the same code
 * in two verifications never has the same digest.
 */
public final class Codes implements CodeMatcher {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 10;
    /** A code is never accepted longer than this, whatever the countdown says. */
    public static final Duration MAX_VALIDITY = Duration.ofMinutes(10);

    private final SecretKeySpec key;
    private final SecureRandom random;

    public Codes(byte[] serverKey, SecureRandom random) {
        if (serverKey.length < 32) {
            throw new IllegalArgumentException("the server key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(serverKey.clone(), "HmacSHA256");
        this.random = random;
    }

    /** A uniformly random string of decimal digits (leading zeros allowed). */
    public String generate(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("code length must be between " + MIN_LENGTH + " and " + MAX_LENGTH);
        }
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    public CodeDigest digest(String verificationId, String code, Instant expiresAt) {
        return new CodeDigest(HexFormat.of().formatHex(mac(verificationId, code)), expiresAt);
    }

    @Override
    public boolean matches(String verificationId, String typedCode, CodeDigest digest) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(digest.hash());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Constant-time: the comparison must not tell an attacker how many leading bytes matched.
        return MessageDigest.isEqual(expected, mac(verificationId, typedCode));
    }

    private byte[] mac(String verificationId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(verificationId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
