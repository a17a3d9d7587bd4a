package io.helpdeskverify.chat.store;

import io.helpdeskverify.shared.ServerKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The plain code, sealed, for the requesting technician's own view only (Teams renders a personal
 * card at refresh time, long after the code was issued; Slack can show it again on request).
 * AES-256-GCM under a key derived from the server key, the verification id as associated data so
 * a sealed code cannot be moved to another verification; kept no longer than the code is valid and
 * deleted when the verification ends. Never logged.
 */
@Component
public class TechnicianCodeVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final StringRedisTemplate redis;
    private final SecretKeySpec key;
    private final SecureRandom random;

    public TechnicianCodeVault(StringRedisTemplate redis, ServerKeys keys, SecureRandom random) {
        this.redis = redis;
        this.key = new SecretKeySpec(derive(keys.codeKey()), "AES");
        this.random = random;
    }

    public void seal(String verificationId, String code, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            return;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(verificationId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(code.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            redis.opsForValue().set(key(verificationId), Base64.getEncoder().encodeToString(out), validity);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The code, if one is held and it has not expired; empty for a tampered or foreign value. */
    public Optional<String> open(String verificationId) {
        String stored = redis.opsForValue().get(key(verificationId));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(verificationId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void discard(String verificationId) {
        redis.delete(key(verificationId));
    }

    /** HMAC-SHA256(server key, "technician-code-vault"): a key of its own, never the code MAC key itself. */
    private static byte[] derive(byte[] serverKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
            return mac.doFinal("technician-code-vault".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String key(String verificationId) {
        return "hv:chat:vault:" + verificationId;
    }

    @Override
    public String toString() {
        return "TechnicianCodeVault[redacted]";
    }
}
