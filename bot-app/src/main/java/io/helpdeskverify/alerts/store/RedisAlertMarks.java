package io.helpdeskverify.alerts.store;

import io.helpdeskverify.alerts.Alert;
import io.helpdeskverify.alerts.AlertMarks;
import io.helpdeskverify.alerts.NoticeKind;
import io.helpdeskverify.alerts.PendingNotice;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.shared.store.KeyShards;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * One key per raised alert, set only if absent: the instance whose SET NX succeeds raises it. The
 * key holds the alert, and the same script adds its pending notices to the shard's pending set
 * ({@code <shard prefix>alert-pending}, members {@code <kind> <customer> <occurrence>}, scored by the
 * end of the current lease in ms). Both keys carry the customer's key shard tag, so the script
 * stays in one slot; every instance sweeps every shard's set with {@code claim-due.lua}.
 */
@Repository
class RedisAlertMarks implements AlertMarks {

    /* Longer than any rule's window and the watch's look-back, so a late reader still finds the mark. */
    private static final Duration KEEP = Duration.ofDays(2);
    private static final RedisScript<Long> CLAIM = LuaScripts.load("alert-claim.lua", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;
    private final StoredJson json;

    RedisAlertMarks(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public boolean claim(Alert alert, Set<NoticeKind> kinds, Instant leaseUntil) {
        String customer = alert.customer();
        var args = new ArrayList<String>(List.of(json.write(alert), Long.toString(KEEP.toMillis()),
                Long.toString(leaseUntil.toEpochMilli())));
        kinds.forEach(k -> args.add(member(k, customer, alert.occurrence())));
        Long r = redis.execute(CLAIM, List.of(claimKey(customer, alert.occurrence()), pendingKey(customer)),
                args.toArray());
        return r != null && r == 1L;
    }

    @Override
    public List<PendingNotice> takeDue(Instant now, Instant leaseUntil, int max) {
        var out = new ArrayList<PendingNotice>();
        for (int shard : KeyShards.all()) {
            if (out.size() >= max) {
                break;
            }
            String pending = KeyShards.prefix(shard) + "alert-pending";
            List<?> due = redis.execute(TAKE, List.of(pending), Long.toString(now.toEpochMilli()),
                    Integer.toString(max - out.size()), Long.toString(Math.max(0,
                            leaseUntil.toEpochMilli() - now.toEpochMilli())));
            for (Object o : due == null ? List.of() : due) {
                String m = o.toString();
                String[] parts = m.split(" ", 3);
                if (parts.length != 3) {
                    redis.opsForZSet().remove(pending, m);
                    continue;
                }
                var alert = json.read(redis.opsForValue().get(claimKey(parts[1], parts[2])), Alert.class);
                if (alert.isEmpty()) {
                    // The claim outlived its keep: nothing left to say what the notice was.
                    redis.opsForZSet().remove(pending, m);
                    continue;
                }
                out.add(new PendingNotice(alert.get(), NoticeKind.valueOf(parts[0])));
            }
        }
        return out;
    }

    @Override
    public void done(PendingNotice n) {
        String customer = n.alert().customer();
        redis.opsForZSet().remove(pendingKey(customer), member(n.kind(), customer, n.alert().occurrence()));
    }

    private static String claimKey(String customer, String occurrence) {
        return KeyShards.prefixOf(customer) + "alert:" + customer + ":" + occurrence;
    }

    private static String pendingKey(String customer) {
        return KeyShards.prefixOf(customer) + "alert-pending";
    }

    private static String member(NoticeKind kind, String customer, String occurrence) {
        return kind.name() + " " + customer + " " + occurrence;
    }
}
