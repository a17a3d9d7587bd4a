package io.helpdeskverify.events.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.ChainReport;
import io.helpdeskverify.events.ChainReport.Reason;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.shared.store.KeyShards;
import io.helpdeskverify.support.MutableClock;
import io.helpdeskverify.support.RedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The tamper-evident chains on a real Redis: what an attacker with write access to Redis can do to the
 * streams (edit a field, delete an entry, swap two, cut the newest) is each found at the event where it
 * happened, in the global chain and in the customer's; a trim leaves a checkpoint the walk starts from;
 * two writers racing for the same heads keep one valid chain. Its own Redis database, so the global
 * stream holds only this test's events and can be flushed.
 */
@ExtendWith(RedisConnection.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventChainTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final ServerKeys KEYS =
            new ServerKeys("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "test-admin-token");

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private final StringRedisTemplate redis;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final EventStreams streams = new EventStreams(clock, RETENTION, new EventChain(KEYS));
    private final EventLog log;
    private final RedisEventChainCheck check;

    EventChainTest(StringRedisTemplate shared) {
        this.redis = isolated(shared);
        this.log = new RedisEventLog(redis, streams);
        this.check = new RedisEventChainCheck(redis, streams);
    }

    @BeforeEach
    void empty() {
        redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.serverCommands().flushDb();
            return null;
        });
    }

    @AfterAll
    void close() {
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void aChainAsAppendedIsIntactInBothChains() {
        var acme = append("acme", 5);
        var other = append("globex", 2);
        acme.addAll(append("acme", 2));

        assertIntact(verify("acme"), 7);
        assertIntact(verify("globex"), 2);
        assertIntact(verify(""), 9);
        // The links read back for one customer are its chain's, and each follows the one before.
        var read = log.query(new io.helpdeskverify.events.EventQuery(Optional.of("acme"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 100));
        assertThat(read).hasSize(7);
        for (int i = 0; i + 1 < read.size(); i++) {
            assertThat(read.get(i).prev()).isEqualTo(read.get(i + 1).hash());
        }
        assertThat(read.get(6).prev()).isEmpty();
        assertThat(other).hasSize(2);
    }

    @Test
    void anEditedFieldIsFoundAtThatEventInBothChains() {
        var acme = append("acme", 5);
        String edited = acme.get(2).id();
        rewrite(EventStreams.globalStream("acme"), entries -> {
            entries.get(edited).put("user", "mallory");
            return entries;
        });

        assertBreak(verify("acme"), edited, Reason.EDITED, 2);
        assertBreak(verify(""), edited, Reason.EDITED, 2);
    }

    @Test
    void aDeletedEntryIsFoundWhereItIsMissing() {
        var acme = append("acme", 3);
        var globex = append("globex", 1);
        var later = append("acme", 2);
        // The global entry of the third acme event: the next in the global chain is globex's.
        redis.opsForStream().delete(EventStreams.globalStream("acme"), acme.get(2).id());

        // The global chain is one per key shard: the break is at the next event of acme's shard, after the
        // events of the shards walked before it.
        boolean together = KeyShards.of("acme") == KeyShards.of("globex");
        assertBreak(verify(""), together ? globex.get(0).id() : later.get(0).id(), Reason.REMOVED,
                2 + (!together && KeyShards.of("globex") < KeyShards.of("acme") ? 1 : 0));
        assertBreak(verify("acme"), acme.get(2).id(), Reason.REMOVED, 2);
        assertIntact(verify("globex"), 1);

        // Only from the customer's index: found at the next event of the customer's chain.
        empty();
        acme = append("acme", 4);
        redis.opsForStream().delete(EventStreams.customerStream("acme"), acme.get(1).id());
        assertBreak(verify("acme"), acme.get(2).id(), Reason.REMOVED, 1);
        assertIntact(verify(""), 4);
        assertThat(later).hasSize(2);
    }

    @Test
    void theNewestEventsRemovedAreFoundAtTheEnd() {
        var acme = append("acme", 4);
        redis.opsForStream().delete(EventStreams.globalStream("acme"), acme.get(3).id());
        redis.opsForStream().delete(EventStreams.customerStream("acme"), acme.get(3).id());

        assertBreak(verify("acme"), acme.get(2).id(), Reason.REMOVED, 3);
        assertBreak(verify(""), acme.get(2).id(), Reason.REMOVED, 3);
    }

    @Test
    void twoSwappedEntriesAreFoundAsMovedAtTheFirstOfThem() {
        var acme = append("acme", 5);
        String first = acme.get(1).id();
        String second = acme.get(2).id();
        rewrite(EventStreams.globalStream("acme"), entries -> {
            var a = entries.get(first);
            entries.put(first, entries.get(second));
            entries.put(second, a);
            return entries;
        });

        assertBreak(verify(""), first, Reason.REORDERED, 1);
        assertBreak(verify("acme"), first, Reason.REORDERED, 1);
    }

    @Test
    void aTrimLeavesASignedCheckpointAndTheRestStillVerifies() {
        var old = append("acme", 3);
        var globex = append("globex", 1);
        long cutMillis = millis(globex.get(0).id()) + 1;
        await().until(() -> System.currentTimeMillis() > cutMillis);
        var kept = append("acme", 3);
        // The retention's cut falls between the old events and the kept ones.
        clock.advance(Duration.ofMillis(cutMillis).plus(RETENTION).minusMillis(clock.millis()));

        // Each customer's index, and the stream of each key shard they are in.
        int shards = KeyShards.of("acme") == KeyShards.of("globex") ? 1 : 2;
        assertThat(new EventTrimmer(redis, streams).trim()).isEqualTo(2 + shards);

        assertThat(redis.opsForStream().size(EventStreams.globalStream("acme"))).isEqualTo(3);
        assertThat(redis.opsForStream().size(EventStreams.customerStream("acme"))).isEqualTo(3);
        var acme = verify("acme");
        assertIntact(acme, 3);
        assertThat(acme.checkpoint()).isEqualTo(old.get(2).id());
        assertThat(acme.firstId()).isEqualTo(kept.get(0).id());
        assertIntact(verify(""), 3);
        // globex has nothing left: its checkpoint is its last hash, and its head is that hash.
        assertIntact(verify("globex"), 0);
        append("acme", 1);
        assertIntact(verify("acme"), 4);

        // The cut does not hide a removal after it, and a forged checkpoint is found.
        redis.opsForStream().delete(EventStreams.globalStream("acme"), kept.get(0).id());
        assertBreak(verify(""), kept.get(1).id(), Reason.REMOVED, 0);
        redis.opsForHash().put(EventStreams.checkpointKey(EventStreams.customerStream("acme")), "hash", "forged");
        assertBreak(verify("acme"), old.get(2).id(), Reason.EDITED, 0);
    }

    @Test
    void twoWritersRacingForTheSameHeadsKeepOneValidChain() throws Exception {
        // Two instances: their own connections and their own idea of the heads, one Redis.
        var first = new RedisEventLog(isolated(redis), new EventStreams(clock, RETENTION, new EventChain(KEYS)));
        var second = new RedisEventLog(isolated(redis), new EventStreams(clock, RETENTION, new EventChain(KEYS)));
        int each = 150;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (EventLog writer : List.of(first, second)) {
                for (String customer : List.of("acme", "globex")) {
                    tasks.add(() -> {
                        start.await();
                        for (int i = 0; i < each; i++) {
                            writer.append(event(customer, i));
                        }
                        return each;
                    });
                }
            }
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(each);
            }
        } finally {
            pool.shutdownNow();
        }

        assertIntact(verify(""), 4L * each);
        assertIntact(verify("acme"), 2L * each);
        assertIntact(verify("globex"), 2L * each);
    }

    @Test
    void eventsStoredBeforeTheChainAreCountedAndSkipped() {
        redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.globalStream("acme"))
                .ofMap(Map.of("type", "0", "time", "1", "customer", "acme")));
        var legacy = redis.opsForStream().range(EventStreams.globalStream("acme"), Range.unbounded()).get(0).getId().getValue();
        redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.customerStream("acme"))
                .withId(RecordId.of(legacy)).ofMap(Map.of("e", "")));
        append("acme", 2);

        var report = verify("acme");
        assertIntact(report, 2);
        assertThat(report.unchained()).isEqualTo(1);
        assertThat(verify("").unchained()).isEqualTo(1);
    }

    /**
     * docs/operations.md's memory numbers: the links' cost per stored event (both streams), measured
     * against the same events stored as before the chains (no links, an id-only index entry).
     */
    @Test
    void theLinksCostAMeasuredAmountPerEvent() {
        int n = 2000;
        for (int i = 0; i < n; i++) {
            var e = event("acme", i);
            var fields = EventStreams.fields(e);
            var map = new LinkedHashMap<String, String>();
            for (int f = 0; f < fields.size(); f += 2) {
                map.put(fields.get(f), fields.get(f + 1));
            }
            var id = redis.opsForStream().add(StreamRecords.newRecord().in("before:events").ofMap(map));
            redis.opsForStream().add(StreamRecords.newRecord().in("before:events:c:acme").withId(id).ofMap(Map.of("e", "")));
        }
        append("acme", n);
        long before = memory("before:events") + memory("before:events:c:acme");
        long after = memory(EventStreams.globalStream("acme")) + memory(EventStreams.customerStream("acme"));
        System.out.printf("stored event: %d B before the chains, %d B with both chains' links%n", before / n, after / n);
        assertThat(after / n).isLessThanOrEqualTo(before / n + 120);
    }

    private long memory(String key) {
        Long r = redis.execute(new org.springframework.data.redis.core.script.DefaultRedisScript<>(
                "return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class), List.of(key));
        return r == null ? 0 : r;
    }

    /**
     * The link format is stored for the whole retention period and checked by auditors' own scripts:
     * these values were computed outside Java, with Python's hmac from docs/audit.md's description.
     */
    @Test
    void linksAreExactlyTheDocumentedHmacOverNetstrings() {
        var chain = new EventChain(KEYS);
        assertThat(check.key(Optional.of("acme"))).isEqualTo("O9G9lD0pj_E2WsLTDs3ZiyEYV8iEA38n2DvcdRuyV1M");
        var e = new AuditEvent("", EventType.CHALLENGE_SENT, Instant.parse("2026-11-24T10:01:11.123456789Z"), "acme",
                "alice", "Tina", "slack:U1", "slack", "C1", "PUSH", "v-1", "", "Zo\u00eb");
        String first = EventChain.link(chain.key("acme"), "", e);
        assertThat(first).isEqualTo("5Qlfz6yW25R3Ly6YI-UTag");
        assertThat(EventChain.link(chain.key("acme"), first, e)).isEqualTo("0S0EJ_r01xHke7-u031hsw");
        assertThat(EventChain.link(chain.key("globex"), "", e)).isNotEqualTo(first);
        assertThat(EventChain.link(chain.key(""), "", e)).isNotEqualTo(first);
    }

    private ChainReport verify(String customer) {
        return check.verify(customer.isEmpty() ? Optional.empty() : Optional.of(customer), Optional.empty(),
                Optional.empty());
    }

    private static void assertIntact(ChainReport r, long checked) {
        assertThat(r.firstBreak()).as(r.chain()).isEmpty();
        assertThat(r.intact()).isTrue();
        assertThat(r.checked()).as(r.chain() + " checked").isEqualTo(checked);
    }

    private static void assertBreak(ChainReport r, String id, Reason reason, long checkedBefore) {
        assertThat(r.intact()).as(r.chain()).isFalse();
        var b = r.firstBreak().orElseThrow();
        assertThat(b.reason()).as(r.chain() + ": " + b.detail()).isEqualTo(reason);
        assertThat(b.id()).as(r.chain() + ": " + b.detail()).isEqualTo(id);
        assertThat(r.checked()).as(r.chain() + " checked before the break").isEqualTo(checkedBefore);
    }

    private List<AuditEvent> append(String customer, int n) {
        var out = new ArrayList<AuditEvent>();
        for (int i = 0; i < n; i++) {
            out.add(log.append(event(customer, i)));
        }
        return out;
    }

    private AuditEvent event(String customer, int i) {
        return new AuditEvent("", EventType.values()[i % EventType.values().length], clock.instant(), customer,
                "user" + i, "Tina", "slack:U1", "slack", "C1", "PUSH", "v-" + i, "", "reason, with \"quotes\" " + i);
    }

    /* What an attacker with Redis access does: read the whole stream, change it, write it back with the same ids. */
    private void rewrite(String stream, UnaryOperator<Map<String, Map<String, String>>> change) {
        List<MapRecord<String, Object, Object>> all = redis.opsForStream().range(stream, Range.unbounded());
        var entries = new LinkedHashMap<String, Map<String, String>>();
        for (var r : all) {
            var fields = new LinkedHashMap<String, String>();
            r.getValue().forEach((k, v) -> fields.put(k.toString(), v.toString()));
            entries.put(r.getId().getValue(), fields);
        }
        var changed = change.apply(entries);
        redis.delete(stream);
        changed.forEach((id, fields) -> redis.opsForStream().add(StreamRecords.newRecord().in(stream)
                .withId(RecordId.of(id)).ofMap(fields)));
    }

    private static long millis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    /* Database 5 of the test run's Redis: nothing else writes there. */
    private StringRedisTemplate isolated(StringRedisTemplate shared) {
        var base = (LettuceConnectionFactory) shared.getConnectionFactory();
        var config = new RedisStandaloneConfiguration(base.getHostName(), base.getPort());
        config.setDatabase(5);
        var factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new StringRedisTemplate(factory);
    }
}
