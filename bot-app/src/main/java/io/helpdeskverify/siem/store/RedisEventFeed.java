package io.helpdeskverify.siem.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.store.EventStreams;
import io.helpdeskverify.shared.store.KeyShards;
import io.helpdeskverify.siem.EventFeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit log read forwards from a destination's cursor. The log is one stream per key shard
 * ({@link EventStreams#shardStream}), so a cursor is a position in each ({@code id0,id1,…,id15}) and a
 * page is every shard's next events merged in id order: an event stored later with an older id (another
 * node's clock) is still after its own shard's position, so none is skipped. A cursor of one id (as a
 * new destination starts with none stored) means that id in every shard. A position older than the
 * retention is no trouble: the range simply starts at the oldest event kept.
 */
@Repository
class RedisEventFeed implements EventFeed {

    private static final String NONE = "0-0";

    private final StringRedisTemplate redis;

    RedisEventFeed(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public List<AuditEvent> after(String cursor, int limit) {
        String[] at = positions(cursor);
        var out = new ArrayList<AuditEvent>();
        for (int shard = 0; shard < KeyShards.COUNT; shard++) {
            List<MapRecord<String, Object, Object>> page = redis.opsForStream().range(EventStreams.shardStream(shard),
                    Range.of(Range.Bound.exclusive(at[shard]), Range.Bound.unbounded()), Limit.limit().count(limit));
            if (page != null) {
                page.forEach(r -> out.add(EventStreams.read(r.getId().getValue(), r.getValue())));
            }
        }
        out.sort(Comparator.comparing(AuditEvent::id, RedisEventFeed::compare));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    @Override
    public String newestId() {
        String[] at = new String[KeyShards.COUNT];
        for (int shard = 0; shard < KeyShards.COUNT; shard++) {
            List<MapRecord<String, Object, Object>> last = redis.opsForStream().reverseRange(
                    EventStreams.shardStream(shard), Range.unbounded(), Limit.limit().count(1));
            at[shard] = last == null || last.isEmpty() ? NONE : last.get(0).getId().getValue();
        }
        return String.join(",", at);
    }

    @Override
    public String advance(String cursor, AuditEvent event) {
        String[] at = positions(cursor);
        at[EventStreams.shardOfId(event.id())] = event.id();
        return String.join(",", at);
    }

    @Override
    public String newestPast(String cursor) {
        return Arrays.stream(positions(cursor)).max(RedisEventFeed::compare).orElse(NONE);
    }

    private static String[] positions(String cursor) {
        String[] parts = cursor.split(",");
        if (parts.length == KeyShards.COUNT) {
            return parts;
        }
        String[] at = new String[KeyShards.COUNT];
        Arrays.fill(at, cursor.isEmpty() ? NONE : parts[0]);
        return at;
    }

    /* Stream ids "<ms>-<seq>", compared as numbers. */
    private static int compare(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        int byTime = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(a.substring(da + 1)), Long.parseLong(b.substring(db + 1)));
    }
}
