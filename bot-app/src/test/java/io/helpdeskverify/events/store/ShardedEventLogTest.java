package io.helpdeskverify.events.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.shared.store.KeyShards;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.shared.ServerKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The audit log over the 16 key shards: ids the scripts make are unique across shards and keep
 * each shard's residue, and a global read of more than one page merges the shards newest first,
 * every event once.
 */
@ExtendWith(RedisConnection.class)
class ShardedEventLogTest {

    @Test
    void aGlobalReadOfManyPagesMergesEveryShardNewestFirstAndEachEventOnce(StringRedisTemplate redis) {
        var log = new RedisEventLog(redis, new EventStreams(Clock.systemUTC(), Duration.ofDays(30), new EventChain(new ServerKeys(
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "test-admin-token"))));
        Instant since = Instant.now().minusSeconds(1);
        String run = Fixtures.unique("run");
        var customers = new ArrayList<String>();
        for (int i = 0; customers.size() < KeyShards.COUNT; i++) {
            String c = run + "-" + i;
            if (customers.stream().noneMatch(o -> KeyShards.of(o) == KeyShards.of(c))) {
                customers.add(c);
            }
        }
        var written = new ArrayList<String>();
        for (int i = 0; i < 1_300; i++) {
            String customer = customers.get(i % customers.size());
            var e = log.append(new AuditEvent("", EventType.RATE_LIMITED, Instant.now(), customer, "u" + i, run, "", "API",
                    "", "", "", "", ""));
            String[] parts = e.id().split("-");
            assertThat(Long.parseLong(parts[1]) % KeyShards.COUNT).as(e.id()).isEqualTo(KeyShards.of(customer));
            written.add(e.id());
        }
        assertThat(new HashSet<>(written)).hasSize(written.size());

        List<AuditEvent> read = log.query(new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(since), Optional.empty(), 10_000)).stream().filter(e -> e.technician().equals(run)).toList();
        assertThat(read).extracting(AuditEvent::id).containsExactlyInAnyOrderElementsOf(written);
        for (int i = 1; i < read.size(); i++) {
            assertThat(compare(read.get(i - 1).id(), read.get(i).id())).as(read.get(i - 1).id() + " before " + read.get(i).id())
                    .isPositive();
        }
        var one = log.query(new EventQuery(Optional.of(customers.get(3)), Optional.empty(), Optional.empty(),
                Optional.of(since), Optional.empty(), 10_000));
        assertThat(one).hasSize(1_300 / KeyShards.COUNT + (3 < 1_300 % KeyShards.COUNT ? 1 : 0))
                .allMatch(e -> e.customer().equals(customers.get(3)));
    }

    private static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
