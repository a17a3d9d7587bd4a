package io.helpdeskverify.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (device secrets, enrolment tokens) and their stored form. They carry 192
 * or more random bits, so a plain SHA-256 is enough at rest: nothing to brute-force.
 */
public final class Secrets {

    private final SecureRandom random;

    public Secrets(SecureRandom random) {
        this.random = random;
    }

    public String newSecret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A short random id for URLs (devices, verifications): 80 bits in lower-case base32-ish hex. */
    public String newId() {
        byte[] b = new byte[10];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
