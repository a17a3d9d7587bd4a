package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.shared.LuaScripts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/** The audit log in Redis Streams: one global stream and one per customer, same entry ids in both. */
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
        return streams.oneAtATime(() -> linkAndAppend(event));
    }

    private AuditEvent linkAndAppend(AuditEvent event) {
        String customerStream = EventStreams.customerStream(event.customer());
        List<String> keys = List.of(EventStreams.GLOBAL, customerStream, EventStreams.headKey(EventStreams.GLOBAL),
                EventStreams.headKey(customerStream));
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
        while (out.size() < q.limit()) {
            Page page = q.customer().isPresent() ? customerPage(q.customer().get(), upper, lower) : globalPage(upper, lower);
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
                break;
            }
            upper = "(" + page.lastId();
        }
        return out;
    }

    /** Events of one page, newest first, how many ids were read and the oldest of them. */
    private record Page(List<AuditEvent> events, int idsRead, String lastId) {}

    private Page globalPage(String upper, String lower) {
        List<MapRecord<String, Object, Object>> page = redis.opsForStream().reverseRange(EventStreams.GLOBAL,
                Range.of(bound(lower), bound(upper)), Limit.limit().count(BATCH));
        if (page == null || page.isEmpty()) {
            return new Page(List.of(), 0, "");
        }
        var events = new ArrayList<AuditEvent>(page.size());
        page.forEach(r -> events.add(EventStreams.read(r.getId().getValue(), r.getValue())));
        return new Page(events, page.size(), page.get(page.size() - 1).getId().getValue());
    }

    private Page customerPage(String customer, String upper, String lower) {
        List<?> reply = redis.execute(CUSTOMER_PAGE, List.of(EventStreams.customerStream(customer), EventStreams.GLOBAL),
                upper, lower, Integer.toString(BATCH));
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
