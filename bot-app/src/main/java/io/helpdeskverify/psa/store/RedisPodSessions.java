package io.helpdeskverify.psa.store;

import io.helpdeskverify.psa.PodGrant;
import io.helpdeskverify.psa.PodSession;
import io.helpdeskverify.psa.PodSessions;
import io.helpdeskverify.psa.PsaProvider;
import io.helpdeskverify.shared.StoredJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * Page sessions at {@code hv:pod:<sha256>} (JSON, expiring with the session) and the verifications
 * each started at {@code hv:pod-v:<sha256>} (a set, same expiry); one-time codes at
 * {@code hv:pod-code:<sha256>}, taken with {@code GETDEL}. Every command touches one key, so nothing
 * here needs a script or a hash tag.
 */
@Repository
class RedisPodSessions implements PodSessions {

    private final StringRedisTemplate redis;
    private final StoredJson json;
    private final Clock clock;

    RedisPodSessions(StringRedisTemplate redis, StoredJson json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    /** What is stored of a session: the started verifications live in their own set. */
    record Stored(PsaProvider provider, String ticketRef, PodGrant grant, Instant expiresAt) {}

    @Override
    public void put(String token, PodSession s) {
        redis.opsForValue().set("hv:pod:" + sha256(token),
                json.write(new Stored(s.provider(), s.ticketRef(), s.grant(), s.expiresAt())), ttl(s.expiresAt()));
    }

    @Override
    public Optional<PodSession> find(String token) {
        String h = sha256(token);
        return json.read(redis.opsForValue().get("hv:pod:" + h), Stored.class)
                .filter(s -> s.expiresAt().isAfter(clock.instant()))
                .map(s -> new PodSession(s.provider(), s.ticketRef(), s.grant(), s.expiresAt(),
                        Optional.ofNullable(redis.opsForSet().members("hv:pod-v:" + h)).orElse(Set.of())));
    }

    @Override
    public void addVerification(String token, PodSession session, String verificationId) {
        String key = "hv:pod-v:" + sha256(token);
        redis.opsForSet().add(key, verificationId);
        redis.expireAt(key, session.expiresAt());
    }

    @Override
    public void putCode(String code, PodGrant grant, Duration ttl) {
        redis.opsForValue().set("hv:pod-code:" + sha256(code), json.write(grant), ttl);
    }

    @Override
    public Optional<PodGrant> takeCode(String code) {
        return json.read(redis.opsForValue().getAndDelete("hv:pod-code:" + sha256(code)), PodGrant.class);
    }

    private Duration ttl(Instant until) {
        var d = Duration.between(clock.instant(), until);
        return d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
