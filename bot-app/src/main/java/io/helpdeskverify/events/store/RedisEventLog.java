package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
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
            RedisScript.of(new ClassPathResource("redis/append-event.lua"), String.class);
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
        String key = q.customer().map(EventStreams::customerStream).orElse(EventStreams.GLOBAL);
        Range.Bound<String> upper = Range.Bound.inclusive(q.until().map(t -> t.toEpochMilli() + "-" + Long.MAX_VALUE).orElse("+"));
        Range.Bound<String> lower = Range.Bound.inclusive(q.since().map(t -> t.toEpochMilli() + "-0").orElse("-"));
        var out = new ArrayList<AuditEvent>();
        while (out.size() < q.limit()) {
            Range<String> range = Range.of(lower, upper);
            List<MapRecord<String, Object, Object>> page =
                    redis.opsForStream().reverseRange(key, range, Limit.limit().count(BATCH));
            if (page == null || page.isEmpty()) {
                break;
            }
            for (var record : page) {
                var e = EventStreams.read(record.getId().getValue(), record.getValue());
                if (q.user().map(u -> u.equals(e.user())).orElse(true)
                        && q.type().map(t -> t == e.type()).orElse(true)) {
                    out.add(e);
                    if (out.size() == q.limit()) {
                        break;
                    }
                }
            }
            if (page.size() < BATCH) {
                break;
            }
            upper = Range.Bound.exclusive(page.get(page.size() - 1).getId().getValue());
        }
        return out;
    }
}
