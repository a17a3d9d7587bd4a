package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.store.KeyShards;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Sorted sets of ids by the time each is due (ms), claimed with {@code claim-due.lua}: due ids are
 * pushed a lease ahead in the same step, so two instances never take the same one and one that
 * dies lets it come back. The expiry schedule, the unshown outcomes and the unsent challenges.
 * One set per key shard ({@code hv:{hv<n>}:<name>}, see {@link KeyShards}), so that the script
 * that writes a verification touches the set of the verification's own shard (one Redis Cluster
 * slot); an id's set is the one of its shard. A claim visits every shard, starting one further on
 * each time, so that a busy shard cannot starve the others.
 */
final class DueSet {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;
    private final String name;
    private final AtomicInteger start = new AtomicInteger();

    DueSet(StringRedisTemplate redis, String name) {
        this.redis = redis;
        this.name = name;
    }

    /** The set that holds {@code id}: its shard's. */
    String keyFor(String id) {
        return key(KeyShards.of(id));
    }

    String key(int shard) {
        return KeyShards.prefix(shard) + name;
    }

    @SuppressWarnings("unchecked")
    List<String> claimDue(Instant now, int max, Duration lease) {
        var out = new ArrayList<String>();
        int first = Math.floorMod(start.getAndIncrement(), KeyShards.COUNT);
        for (int i = 0; i < KeyShards.COUNT && out.size() < max; i++) {
            List<Object> due = redis.execute(CLAIM, List.of(key((first + i) % KeyShards.COUNT)),
                    Long.toString(now.toEpochMilli()), Integer.toString(max - out.size()), Long.toString(lease.toMillis()));
            if (due != null) {
                due.forEach(id -> out.add(id.toString()));
            }
        }
        return out;
    }

    void remove(String id) {
        redis.opsForZSet().remove(keyFor(id), id);
    }

    void schedule(String id, Instant at) {
        redis.opsForZSet().add(keyFor(id), id, at.toEpochMilli());
    }

    Double score(String id) {
        return redis.opsForZSet().score(keyFor(id), id);
    }
}
