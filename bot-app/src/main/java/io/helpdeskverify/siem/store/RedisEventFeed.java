package io.helpdeskverify.siem.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.store.EventStreams;
import io.helpdeskverify.siem.EventFeed;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * The global event stream read forwards from a destination's cursor ({@code XRANGE (cursor + COUNT n}):
 * the audit log's own order, the same on every instance. A cursor older than the retention is no
 * trouble: the range simply starts at the oldest event kept.
 */
@Repository
class RedisEventFeed implements EventFeed {

    private final StringRedisTemplate redis;

    RedisEventFeed(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public List<AuditEvent> after(String cursor, int limit) {
        List<MapRecord<String, Object, Object>> page = redis.opsForStream().range(EventStreams.GLOBAL,
                Range.of(Range.Bound.exclusive(cursor), Range.Bound.unbounded()), Limit.limit().count(limit));
        var out = new ArrayList<AuditEvent>();
        if (page != null) {
            page.forEach(r -> out.add(EventStreams.read(r.getId().getValue(), r.getValue())));
        }
        return out;
    }

    @Override
    public String newestId() {
        List<MapRecord<String, Object, Object>> last = redis.opsForStream().reverseRange(EventStreams.GLOBAL,
                Range.unbounded(), Limit.limit().count(1));
        return last == null || last.isEmpty() ? "0-0" : last.get(0).getId().getValue();
    }
}
