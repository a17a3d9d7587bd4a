package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.store.KeyShards;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The audit log in Redis Streams: one global stream per key shard (read merged for global queries)
 * and one index per customer beside its shard's, same entry ids in both.
 */
@Repository
class RedisEventLog implements EventLog {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> APPEND =
            LuaScripts.load("append-event.lua", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CUSTOMER_PAGE =
            LuaScripts.load("customer-events.lua", List.class);
    private static final int BATCH = 500;

    private final StringRedisTemplate redis;
    private final EventStreams streams;

    RedisEventLog(StringRedisTemplate redis, EventStreams streams) {
        this.redis = redis;
        this.streams = streams;
    }

    @Override
    public AuditEvent append(AuditEvent event) {
        return streams.oneAtATime(event.customer(), () -> linkAndAppend(event));
    }

    private AuditEvent linkAndAppend(AuditEvent event) {
        String globalStream = EventStreams.globalStream(event.customer());
        String customerStream = EventStreams.customerStream(event.customer());
        // One hash tag for all of them (the customer's key shard): one Cluster slot.
        List<String> keys = List.of(globalStream, customerStream, EventStreams.headKey(globalStream),
                EventStreams.headKey(customerStream), EventStreams.indexesKey(globalStream));
        var linked = streams.link(event.customer(), List.of(event));
        for (int attempt = 1; ; attempt++) {
            var args = new ArrayList<Object>();
            args.add(linked.expected().global());
            args.add(linked.expected().customer());
            args.add(linked.customerHashes().get(0));
            args.addAll(linked.fields().get(0));
            List<?> reply = redis.execute(APPEND, keys, args.toArray());
            Objects.requireNonNull(reply, "the append script returned nothing");
            if (reply.size() == 1) {
                streams.appended(event.customer(), linked);
                return event.withId(reply.get(0).toString());
            }
            var next = streams.afterConflict(event.customer(), EventStreams.heads(reply), attempt,
                    () -> EventStreams.storedHeads(redis, event.customer())).orElseThrow(() -> new IllegalStateException(
                            "the event chain kept moving: gave up after " + EventStreams.MAX_ATTEMPTS + " attempts"));
            linked = streams.link(event.customer(), List.of(event), next);
        }
    }

    @Override
    public List<AuditEvent> query(EventQuery q) {
        String upper = q.until().map(t -> t.toEpochMilli() + "-" + Long.MAX_VALUE).orElse("+");
        String lower = q.since().map(t -> t.toEpochMilli() + "-0").orElse("-");
        var out = new ArrayList<AuditEvent>();
        boolean legacy = false;
        var merge = new ShardMerge(upper, lower);
        while (out.size() < q.limit()) {
            Page page = legacy ? legacyPage(q, upper, lower)
                    : q.customer().isPresent() ? customerPage(q.customer().get(), upper, lower) : merge.next();
            for (AuditEvent e : page.events()) {
                if (q.user().map(u -> u.equals(e.user())).orElse(true)
                        && q.type().map(t -> t == e.type()).orElse(true)) {
                    out.add(e);
                    if (out.size() == q.limit()) {
                        break;
                    }
                }
            }
            if (page.idsRead() < BATCH) {
                if (legacy || !hasLegacy(q)) {
                    break;
                }
                // On to the older events: their ids are all below the shards' (written before them).
                legacy = true;
                continue;
            }
            upper = "(" + page.lastId();
        }
        return out;
    }

    /** Events of one page, newest first, how many ids were read and the oldest of them. */
    private record Page(List<AuditEvent> events, int idsRead, String lastId) {}

    /*
     * The global log, newest first: a k-way merge of the shards' streams by id (unique across
     * shards: each shard's ids have their own sequence residue), each shard read BATCH at a time as
     * the merge reaches it, so a page costs about one read per shard it draws from.
     */
    private final class ShardMerge {
        private final String lower;
        private final List<String> streams = new ArrayList<>();
        private final List<String> uppers = new ArrayList<>();
        private final List<Deque<MapRecord<String, Object, Object>>> buffers = new ArrayList<>();
        private final List<Boolean> exhausted = new ArrayList<>();

        ShardMerge(String upper, String lower) {
            this.lower = lower;
            for (int shard : KeyShards.all()) {
                streams.add(EventStreams.shardStream(shard));
                uppers.add(upper);
                buffers.add(new ArrayDeque<>());
                exhausted.add(false);
            }
        }

        Page next() {
            var events = new ArrayList<AuditEvent>(BATCH);
            String last = "";
            while (events.size() < BATCH) {
                int best = -1;
                for (int i = 0; i < streams.size(); i++) {
                    fill(i);
                    var head = buffers.get(i).peekFirst();
                    if (head != null && (best < 0 || compare(head.getId(), buffers.get(best).peekFirst().getId()) > 0)) {
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                var r = buffers.get(best).pollFirst();
                events.add(EventStreams.read(r.getId().getValue(), r.getValue()));
                last = r.getId().getValue();
            }
            return new Page(events, events.size(), last);
        }

        private void fill(int i) {
            if (!buffers.get(i).isEmpty() || exhausted.get(i)) {
                return;
            }
            List<MapRecord<String, Object, Object>> page = redis.opsForStream().reverseRange(streams.get(i),
                    Range.of(bound(lower), bound(uppers.get(i))), Limit.limit().count(BATCH));
            if (page == null || page.size() < BATCH) {
                exhausted.set(i, true);
            }
            if (page != null && !page.isEmpty()) {
                buffers.get(i).addAll(page);
                uppers.set(i, "(" + page.get(page.size() - 1).getId().getValue());
            }
        }
    }

    private static int compare(RecordId a, RecordId b) {
        int byTime = Long.compare(a.getTimestamp(), b.getTimestamp());
        return byTime != 0 ? byTime : Long.compare(a.getSequence(), b.getSequence());
    }

    /*
     * Events an older version wrote to its one global stream (hv:events, and hv:events:c:<customer>)
     * are read where they are until retention trims them: only on one Redis or Sentinel, where those
     * versions ran (they refused Cluster), so the two keys of customer-events.lua need no common slot.
     */
    private boolean hasLegacy(EventQuery q) {
        return Boolean.TRUE.equals(redis.hasKey(q.customer().map(EventStreams::legacyCustomerStream)
                .orElse(EventStreams.LEGACY_GLOBAL)));
    }

    private Page legacyPage(EventQuery q, String upper, String lower) {
        if (q.customer().isPresent()) {
            return customerPage(EventStreams.legacyCustomerStream(q.customer().get()), EventStreams.LEGACY_GLOBAL, upper,
                    lower);
        }
        List<MapRecord<String, Object, Object>> page = redis.opsForStream().reverseRange(EventStreams.LEGACY_GLOBAL,
                Range.of(bound(lower), bound(upper)), Limit.limit().count(BATCH));
        if (page == null || page.isEmpty()) {
            return new Page(List.of(), 0, "");
        }
        var events = new ArrayList<AuditEvent>(page.size());
        page.forEach(r -> events.add(EventStreams.read(r.getId().getValue(), r.getValue())));
        return new Page(events, page.size(), page.get(page.size() - 1).getId().getValue());
    }

    private Page customerPage(String customer, String upper, String lower) {
        return customerPage(EventStreams.customerStream(customer), EventStreams.globalStream(customer), upper, lower);
    }

    private Page customerPage(String index, String stream, String upper, String lower) {
        List<?> reply = redis.execute(CUSTOMER_PAGE, List.of(index, stream), upper, lower, Integer.toString(BATCH));
        if (reply == null || reply.size() < 2) {
            return new Page(List.of(), 0, "");
        }
        var events = new ArrayList<AuditEvent>(reply.size() - 2);
        for (Object entry : reply.subList(2, reply.size())) {
            List<?> idAndFields = (List<?>) entry;
            var fields = pairs((List<?>) idAndFields.get(1));
            // Read for one customer: its links in the customer's chain, kept in the index entry.
            var links = idAndFields.size() > 2 ? pairs((List<?>) idAndFields.get(2)) : Map.of();
            events.add(EventStreams.read(idAndFields.get(0).toString(), fields)
                    .withLinks(EventStreams.get(links, "prev"), EventStreams.get(links, "hash")));
        }
        return new Page(events, ((Number) reply.get(0)).intValue(), reply.get(1).toString());
    }

    static Map<Object, Object> pairs(List<?> flat) {
        var fields = new HashMap<Object, Object>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(flat.get(i), flat.get(i + 1));
        }
        return fields;
    }

    /* "(id" is exclusive, "+" and "-" are open, anything else inclusive: XRANGE's own syntax. */
    static Range.Bound<String> bound(String value) {
        if ("+".equals(value) || "-".equals(value)) {
            return Range.Bound.unbounded();
        }
        return value.startsWith("(") ? Range.Bound.exclusive(value.substring(1)) : Range.Bound.inclusive(value);
    }
}
