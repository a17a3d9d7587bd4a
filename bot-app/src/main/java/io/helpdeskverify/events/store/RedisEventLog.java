package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.shared.LuaScripts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/** The audit log in Redis Streams: one global stream and one per customer, same entry ids in both. */
@Repository
class RedisEventLog implements EventLog {

    private static final RedisScript<String> APPEND =
            LuaScripts.load("append-event.lua", String.class);
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
        var args = new ArrayList<Object>();
        args.add(streams.minId());
        args.addAll(EventStreams.fields(event));
        String id = redis.execute(APPEND, List.of(EventStreams.GLOBAL, EventStreams.customerStream(event.customer())),
                args.toArray());
        return event.withId(id);
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
            List<?> flat = (List<?>) idAndFields.get(1);
            var fields = new HashMap<Object, Object>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                fields.put(flat.get(i), flat.get(i + 1));
            }
            events.add(EventStreams.read(idAndFields.get(0).toString(), fields));
        }
        return new Page(events, ((Number) reply.get(0)).intValue(), reply.get(1).toString());
    }

    /* "(id" is exclusive, "+" and "-" are open, anything else inclusive: XRANGE's own syntax. */
    private static Range.Bound<String> bound(String value) {
        if ("+".equals(value) || "-".equals(value)) {
            return Range.Bound.unbounded();
        }
        return value.startsWith("(") ? Range.Bound.exclusive(value.substring(1)) : Range.Bound.inclusive(value);
    }
}
