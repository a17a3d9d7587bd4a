package io.helpdeskverify.shared.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Moves keys written by a version before the Cluster key layout to their new names, once, at
 * start-up: only on one Redis or Sentinel (those versions refused Cluster, so a Cluster holds no old
 * key), only while an old key that marks the layout still exists, and under a lease, so that one
 * instance moves while the others start. Idempotent: a key already moved is not there any more, and
 * one that exists under both names (an old instance wrote it again) is merged into the new one.
 */
public final class LegacyKeys {

    private static final Logger log = LoggerFactory.getLogger(LegacyKeys.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final StringRedisTemplate redis;
    private int moved;

    private LegacyKeys(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Runs {@code moves} if any of {@code markers} exists; a Redis that cannot be reached leaves the
     * old keys for the next start (logged), it does not stop this one.
     */
    public static void migrate(StringRedisTemplate redis, String what, List<String> markers,
                               java.util.function.Consumer<LegacyKeys> moves) {
        try {
            if (Boolean.TRUE.equals(redis.execute((RedisCallback<Boolean>) c -> c instanceof RedisClusterConnection))) {
                return;
            }
            Long present = redis.countExistingKeys(markers);
            if (present == null || present == 0) {
                return;
            }
            Optional<RedisLease> lease = RedisLease.tryAcquire(redis, "hv:{migrations}:" + what, LEASE);
            if (lease.isEmpty()) {
                log.info("Redis keys of an older version ({}): another instance is moving them", what);
                return;
            }
            try {
                var legacy = new LegacyKeys(redis);
                moves.accept(legacy);
                log.info("Redis keys of an older version ({}): {} moved to the Cluster key layout", what, legacy.moved);
            } finally {
                lease.get().release();
            }
        } catch (DataAccessException e) {
            log.warn("Redis keys of an older version ({}) could not be moved now, the next start tries again: {}",
                    what, e.toString());
        }
    }

    /** Every key matching {@code pattern} (a SCAN glob) moves to {@code rename} of the part after {@code prefix}. */
    public void scan(String prefix, UnaryOperator<String> rename) {
        var keys = new ArrayList<String>();
        try (var cursor = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        for (String key : keys) {
            move(key, rename.apply(key.substring(prefix.length())));
        }
    }

    /** One key to its new name: renamed, or merged into the new one if both exist. */
    public void move(String from, String to) {
        if (Boolean.TRUE.equals(redis.renameIfAbsent(from, to))) {
            moved++;
            return;
        }
        DataType type = redis.type(from);
        if (type == null || type == DataType.NONE) {
            return;
        }
        switch (type) {
            case HASH -> redis.<String, String>opsForHash().entries(from)
                    .forEach((field, value) -> redis.opsForHash().putIfAbsent(to, field, value));
            case SET -> {
                var members = redis.opsForSet().members(from);
                if (members != null && !members.isEmpty()) {
                    redis.opsForSet().add(to, members.toArray(String[]::new));
                }
            }
            case ZSET -> copy(from, member -> to);
            default -> {
                // A string (or stream) under both names: the new one is the newer write.
            }
        }
        redis.delete(from);
        moved++;
    }

    /** A sorted set whose members go to the set {@code target} names for each (the shard of each id). */
    public void split(String from, Function<String, String> target) {
        copy(from, target);
        if (Boolean.TRUE.equals(redis.delete(from))) {
            moved++;
        }
    }

    private void copy(String from, Function<String, String> target) {
        var entries = redis.opsForZSet().rangeWithScores(from, 0, -1);
        if (entries == null) {
            return;
        }
        for (var e : entries) {
            if (e.getValue() != null && e.getScore() != null) {
                redis.opsForZSet().addIfAbsent(target.apply(e.getValue()), e.getValue(), e.getScore());
            }
        }
    }

    /** {@code "<first>:<rest>"} split at the first colon (a customer slug has none). */
    public static Map.Entry<String, String> pair(String customerAndRest) {
        int colon = customerAndRest.indexOf(':');
        return colon < 0 ? Map.entry(customerAndRest, "") : Map.entry(customerAndRest.substring(0, colon),
                customerAndRest.substring(colon + 1));
    }
}
