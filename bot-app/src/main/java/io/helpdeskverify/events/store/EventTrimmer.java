package io.helpdeskverify.events.store;

import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.store.KeyShards;
import io.helpdeskverify.shared.store.RedisLease;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention by age, hourly, on one instance at a time (a lease): every stream loses its entries older
 * than {@code HELPDESK_EVENT_RETENTION_DAYS} and keeps a signed checkpoint of the last hash before the
 * cut, so the chains still verify on what remains. Appends no longer trim (XADD MINID would cut without
 * leaving a checkpoint).
 */
@Component
class EventTrimmer {

    private static final Logger log = LoggerFactory.getLogger(EventTrimmer.class);
    static final String LEASE = "hv:{events-trim}:lease";
    private static final Duration LEASE_LENGTH = Duration.ofMinutes(10);
    private static final RedisScript<Long> TRIM = LuaScripts.load("trim-events.lua", Long.class);

    private final StringRedisTemplate redis;
    private final EventStreams streams;

    EventTrimmer(StringRedisTemplate redis, EventStreams streams) {
        this.redis = redis;
        this.streams = streams;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void hourly() {
        try {
            int cut = trim();
            if (cut > 0) {
                log.info("Trimmed {} event streams to the retention period", cut);
            }
        } catch (RuntimeException e) {
            // Redis away: nothing is lost by trimming an hour later.
            log.warn("Event trim failed, will retry: {}", e.toString());
        }
    }

    /** @return how many streams were cut; 0 also when another instance holds the lease */
    int trim() {
        // Read-only first: most hours there is nothing to cut, and then not even the lease is written.
        // A shard's global stream is cut last, so while it has nothing older, every index was cut before.
        String minId = streams.minId();
        var due = new ArrayList<Integer>();
        for (int shard = 0; shard < KeyShards.COUNT; shard++) {
            if (hasOlder(EventStreams.shardStream(shard), minId)) {
                due.add(shard);
            }
        }
        boolean legacy = hasOlder(EventStreams.LEGACY_GLOBAL, minId);
        if (due.isEmpty() && !legacy) {
            return 0;
        }
        var lease = RedisLease.tryAcquire(redis, LEASE, LEASE_LENGTH);
        if (lease.isEmpty()) {
            return 0;
        }
        try {
            int cut = 0;
            for (int shard : due) {
                String global = EventStreams.shardStream(shard);
                // Customers' indexes first: an index entry must not point to an event already cut.
                for (String stream : members(EventStreams.indexesKey(global))) {
                    if (!lease.get().extend()) {
                        return cut;
                    }
                    cut += trim(stream, EventStreams.customerOfStream(stream), minId) ? 1 : 0;
                }
                cut += trim(global, "", minId) ? 1 : 0;
            }
            return cut + (legacy ? trimLegacy(minId) : 0);
        } finally {
            lease.get().release();
        }
    }

    /*
     * The audit stream of versions before the key shards, read in place until retention empties it. Its
     * entries carry no links, so it is cut without a checkpoint. It exists only on the one Redis (or
     * Sentinel) that version ran on, never on a Cluster, so SCAN finds all of its indexes.
     */
    private int trimLegacy(String minId) {
        int cut = 0;
        var options = ScanOptions.scanOptions().match(EventStreams.LEGACY_GLOBAL + ":c:*").type(DataType.STREAM)
                .count(500).build();
        var indexes = new ArrayList<String>();
        try (var cursor = redis.scan(options)) {
            cursor.forEachRemaining(indexes::add);
        }
        indexes.add(EventStreams.LEGACY_GLOBAL);
        for (String stream : indexes) {
            cut += xtrimMinId(stream, minId) > 0 ? 1 : 0;
        }
        return cut;
    }

    private long xtrimMinId(String stream, String minId) {
        Object removed = redis.execute((RedisCallback<Object>) c -> c.execute("XTRIM",
                stream.getBytes(StandardCharsets.UTF_8), "MINID".getBytes(StandardCharsets.UTF_8),
                minId.getBytes(StandardCharsets.UTF_8)));
        return removed instanceof Number n ? n.longValue() : 0;
    }

    private List<String> members(String key) {
        var members = redis.opsForSet().members(key);
        return members == null ? List.of() : List.copyOf(members);
    }

    private boolean trim(String stream, String customer, String minId) {
        var last = redis.opsForStream().reverseRange(stream,
                Range.of(Range.Bound.unbounded(), Range.Bound.exclusive(minId)), Limit.limit().count(1));
        if (last == null || last.isEmpty()) {
            return false;
        }
        String lastId = last.get(0).getId().getValue();
        String hash = EventStreams.get(last.get(0).getValue(), "hash");
        String signature = EventChain.checkpointSignature(streams.chain().key(customer), stream, lastId, hash);
        Long done = redis.execute(TRIM, List.of(stream, EventStreams.checkpointKey(stream)), minId, lastId, hash,
                signature);
        return done != null && done == 1;
    }

    private boolean hasOlder(String stream, String minId) {
        var first = redis.opsForStream().range(stream, Range.of(Range.Bound.unbounded(), Range.Bound.exclusive(minId)),
                Limit.limit().count(1));
        return first != null && !first.isEmpty();
    }
}
