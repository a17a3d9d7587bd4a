package io.helpdeskverify.verification.store;

import io.helpdeskverify.verification.UserLinkStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * One key per link, {@code hv:{user-link}:<hmac>} = {@code <verification id> <expiry millis>}, expiring
 * with its challenge; taken with {@code GETDEL}, so of two presses only one gets it. Every command
 * touches one key.
 */
@Repository
class RedisUserLinkStore implements UserLinkStore {

    private static final String PREFIX = "hv:{user-link}:";
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final StringRedisTemplate redis;

    RedisUserLinkStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void save(String hash, Held held) {
        // The expiry itself is checked against the service's clock on every read; the TTL only clears it away.
        Duration left = Duration.between(Instant.now(), held.expiresAt());
        redis.opsForValue().set(PREFIX + hash, held.verificationId() + " " + held.expiresAt().toEpochMilli(),
                (left.isNegative() ? Duration.ZERO : left).plus(GRACE));
    }

    @Override
    public Optional<Held> find(String hash) {
        return parse(redis.opsForValue().get(PREFIX + hash));
    }

    @Override
    public Optional<Held> take(String hash) {
        return parse(redis.opsForValue().getAndDelete(PREFIX + hash));
    }

    private static Optional<Held> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int space = value.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Held(value.substring(0, space), Instant.ofEpochMilli(Long.parseLong(value.substring(space + 1)))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
