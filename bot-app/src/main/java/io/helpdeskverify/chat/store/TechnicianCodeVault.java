package io.helpdeskverify.chat.store;

import io.helpdeskverify.shared.SealedStrings;
import io.helpdeskverify.shared.ServerKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
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

    private final StringRedisTemplate redis;
    private final SealedStrings codes;

    public TechnicianCodeVault(StringRedisTemplate redis, ServerKeys keys, SecureRandom random) {
        this.redis = redis;
        // HMAC-SHA256(server key, "technician-code-vault"): a key of its own, never the code MAC key itself.
        this.codes = new SealedStrings(keys, "technician-code-vault", random);
    }

    public void seal(String verificationId, String code, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            return;
        }
        redis.opsForValue().set(key(verificationId), codes.seal(verificationId, code), validity);
    }

    /** The code, if one is held and it has not expired; empty for a tampered or foreign value. */
    public Optional<String> open(String verificationId) {
        String stored = redis.opsForValue().get(key(verificationId));
        if (stored == null) {
            return Optional.empty();
        }
        return codes.open(verificationId, stored);
    }

    public void discard(String verificationId) {
        redis.delete(key(verificationId));
    }

    private static String key(String verificationId) {
        return "hv:chat:vault:" + verificationId;
    }

    @Override
    public String toString() {
        return "TechnicianCodeVault[redacted]";
    }
}
