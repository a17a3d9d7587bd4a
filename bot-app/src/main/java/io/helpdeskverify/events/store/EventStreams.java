package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.shared.store.KeyShards;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.data.redis.core.StringRedisTemplate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Redis Streams layout of the audit log, shared by the event log and the verification store
 * (which appends a transition's events in the same script that stores it).
 */
public final class EventStreams {

    /** The one global stream of versions before the key shards: read until retention empties it. */
    static final String LEGACY_GLOBAL = "hv:events";

    /** The stream's name within each key shard: {@code hv:{hv<n>}:events}. */
    static final String NAME = "events";

    /*
     * The stored code of each event type is its position here: append new types at the end and never
     * reorder, because entries keep their code for the whole retention period. Redis stores a small
     * integer in 2 bytes of a stream node; the type's name took 15 to 24.
     */
    private static final List<EventType> TYPE_CODES = List.of(EventType.VERIFICATION_REQUESTED,
            EventType.CHALLENGE_SENT, EventType.DELIVERY_FAILED, EventType.FALLBACK_USED, EventType.USER_APPROVED,
            EventType.USER_DENIED, EventType.TECHNICIAN_APPROVED, EventType.TECHNICIAN_DENIED, EventType.VERIFIED,
            EventType.UNABLE_TO_VERIFY, EventType.EXPIRED, EventType.CANCELLED, EventType.RATE_LIMITED,
            EventType.UNAUTHORIZED_ACTION, EventType.CONTACT_CHANGED, EventType.DELIVERY_REPORTED,
            EventType.DEVICE_ENROLLED, EventType.DEVICE_REVOKED, EventType.API_TOKEN_ISSUED, EventType.API_TOKEN_REVOKED,
            EventType.PSA_NOTE_WRITTEN, EventType.PSA_NOTE_FAILED, EventType.USER_REPORTED, EventType.ALERT,
            EventType.SECOND_TECHNICIAN_REQUESTED, EventType.SECOND_TECHNICIAN_APPROVED,
            EventType.SECOND_TECHNICIAN_DENIED, EventType.WEBHOOK_EVENT_DROPPED);

    /** How many times an append recomputes its links after another writer moved a head, before it gives up. */
    public static final int MAX_ATTEMPTS = 20;
    private static final int QUICK_RETRIES = 5;
    private static final Duration MAX_BACK_OFF = Duration.ofMillis(25);

    private final Clock clock;
    private final Duration retention;
    private final EventChain chain;
    /*
     * One append at a time per instance and key shard: every append of every instance races for its
     * shard's global head, and threads of one instance racing each other only add losers (8 threads on
     * two instances starved one past 20 attempts). Serialised here, an instance only races the others,
     * and its own next append links after the heads it just wrote, so it seldom conflicts at all. An
     * append is one round trip; the 16 shards append in parallel.
     */
    private final ReentrantLock[] appends = new ReentrantLock[KeyShards.COUNT];
    /* The heads this instance saw last, by stream key: a guess, checked by the script. */
    private final Map<String, String> knownHeads = new ConcurrentHashMap<>();

    public EventStreams(Clock clock, Duration retention, EventChain chain) {
        this.clock = clock;
        this.retention = retention;
        this.chain = chain;
        for (int i = 0; i < appends.length; i++) {
            appends[i] = new ReentrantLock(true);
        }
    }

    public EventChain chain() {
        return chain;
    }

    /**
     * Where a stream's chain head (the hash of its newest event) is kept. Derived from the stream's own
     * key, so it inherits its hash tag and a script may touch both in Redis Cluster.
     */
    public static String headKey(String stream) {
        return stream + ":head";
    }

    /** The signed checkpoint a trim leaves: the last hash before the cut (see {@code EventTrimmer}). */
    public static String checkpointKey(String stream) {
        return stream + ":checkpoint";
    }

    /**
     * The set of the customer index streams in a key shard, beside its global stream (same hash tag): the
     * append scripts add to it, and the hourly trim reads it, because SCAN cannot span a Redis Cluster.
     */
    public static String indexesKey(String globalStream) {
        return globalStream + ":indexes";
    }

    /** The heads an append expects to find: the global chain's and the customer's. */
    public record Heads(String global, String customer) {}

    /**
     * A batch of events linked after {@code expected}: each event's stored fields (its global links
     * included, as {@code prev} and {@code hash}) and its hash in the customer's chain.
     */
    public record Linked(Heads expected, List<List<String>> fields, List<String> customerHashes, Heads after) {}

    /** Links the events after the heads this instance saw last (the script says if they moved). */
    public Linked link(String customer, List<AuditEvent> events) {
        return link(customer, events, new Heads(knownHeads.getOrDefault(globalStream(customer), ""),
                knownHeads.getOrDefault(customerStream(customer), "")));
    }

    /** Links the events after {@code heads}. */
    public Linked link(String customer, List<AuditEvent> events, Heads heads) {
        byte[] globalKey = chain.key("");
        byte[] customerKey = chain.key(customer);
        String g = heads.global();
        String c = heads.customer();
        var fields = new ArrayList<List<String>>(events.size());
        var customerHashes = new ArrayList<String>(events.size());
        for (AuditEvent e : events) {
            var f = fields(e);
            String gh = EventChain.link(globalKey, g, e);
            add(f, "prev", g);
            add(f, "hash", gh);
            fields.add(f);
            g = gh;
            c = EventChain.link(customerKey, c, e);
            customerHashes.add(c);
        }
        return new Linked(heads, fields, customerHashes, new Heads(g, c));
    }

    /** Runs one append (link, script, retries) while no other thread of this instance appends to its shard. */
    public <T> T oneAtATime(String customer, Supplier<T> append) {
        var lock = appends[KeyShards.of(customer)];
        lock.lock();
        try {
            return append.get();
        } finally {
            lock.unlock();
        }
    }

    /** The script accepted the links: the heads are now the batch's last. */
    public void appended(String customer, Linked linked) {
        remember(customer, linked.after());
    }

    /**
     * The script found other heads (another writer appended first): the heads to link after next time.
     * The first retries go at once with the heads the script answered, which are as fresh as heads can
     * be. After {@link #QUICK_RETRIES} lost races in a row the writer waits a random while that doubles
     * up to {@link #MAX_BACK_OFF} ("full jitter", so that racing writers stop colliding in lockstep) and
     * then reads the heads again: those it was told before the wait are stale by then.
     *
     * @param reread reads both heads from Redis now
     * @return empty when the append has tried {@link #MAX_ATTEMPTS} times
     */
    public Optional<Heads> afterConflict(String customer, Heads current, int attempt, Supplier<Heads> reread) {
        remember(customer, current);
        if (attempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        if (attempt <= QUICK_RETRIES) {
            return Optional.of(current);
        }
        long ceiling = Math.min(MAX_BACK_OFF.toNanos(), 250_000L << Math.min(attempt - QUICK_RETRIES, 16));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling));
        Heads fresh = reread.get();
        remember(customer, fresh);
        return Optional.of(fresh);
    }

    /** Both heads as stored now, for {@link #afterConflict}. */
    public static Heads storedHeads(StringRedisTemplate redis, String customer) {
        List<String> both = List.of(headKey(globalStream(customer)), headKey(customerStream(customer)));
        String g = redis.opsForValue().get(both.get(0));
        String c = redis.opsForValue().get(both.get(1));
        return new Heads(g == null ? "" : g, c == null ? "" : c);
    }

    /** The heads in a conflict reply {@code {-2, global head, customer head}}. */
    public static Heads heads(List<?> reply) {
        return new Heads(text(reply.get(1)), text(reply.get(2)));
    }

    private void remember(String customer, Heads heads) {
        // By stream key: each key shard has its global chain, and events of no customer have an index of
        // their own (customerStream("")) beside their shard's global stream.
        knownHeads.put(globalStream(customer), heads.global());
        knownHeads.put(customerStream(customer), heads.customer());
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    /**
     * The global stream of one key shard. The audit log is {@value KeyShards#COUNT} streams, one per
     * shard, read merged in id order; a customer's events go to its shard's, beside its index.
     */
    public static String shardStream(int shard) {
        return KeyShards.prefix(shard) + NAME;
    }

    /**
     * The key shard whose stream holds the event of this id: the scripts make ids {@code ms-seq} with seq
     * congruent to the shard mod {@value KeyShards#COUNT}, so ids are unique across the shards' streams.
     */
    public static int shardOfId(String id) {
        return (int) (Long.parseLong(id.substring(id.indexOf('-') + 1)) % KeyShards.COUNT);
    }

    /** The global stream that holds {@code customer}'s events: its key shard's. */
    public static String globalStream(String customer) {
        return shardStream(KeyShards.of(customer));
    }

    /** The customer's index: the ids of its events in {@link #globalStream}, without fields; same hash tag. */
    public static String customerStream(String customer) {
        return globalStream(customer) + ":c:" + customer;
    }

    static String legacyCustomerStream(String customer) {
        return LEGACY_GLOBAL + ":c:" + customer;
    }

    /** The customer of an index stream ({@link #customerStream}). */
    static String customerOfStream(String stream) {
        String marker = ":" + NAME + ":c:";
        return stream.substring(stream.indexOf(marker) + marker.length());
    }

    /** Entries older than this id are trimmed by the hourly trim, which leaves a signed checkpoint. */
    public String minId() {
        return clock.instant().minus(retention).toEpochMilli() + "-0";
    }

    /**
     * Every field in the same order, empty ones too: Redis then stores the names once per stream node
     * instead of once per entry (about 60 B less per event than leaving empty fields out).
     */
    public static List<String> fields(AuditEvent e) {
        var out = new ArrayList<String>(28);
        add(out, "type", Integer.toString(code(e.type())));
        // Epoch nanoseconds: Redis keeps a decimal integer in 9 bytes, the ISO text took 28.
        add(out, "time", Long.toString(Math.addExact(Math.multiplyExact(e.time().getEpochSecond(), 1_000_000_000L),
                e.time().getNano())));
        add(out, "customer", e.customer());
        add(out, "user", e.user());
        add(out, "technician", e.technician());
        add(out, "technicianId", e.technicianId());
        add(out, "platform", e.platform());
        add(out, "channel", e.channel());
        add(out, "method", e.method());
        add(out, "verificationId", e.verificationId());
        add(out, "outcome", e.outcome());
        add(out, "reason", e.reason());
        return out;
    }

    public static AuditEvent read(String id, Map<?, ?> f) {
        return new AuditEvent(id, type(get(f, "type")), time(get(f, "time")), get(f, "customer"),
                get(f, "user"), get(f, "technician"), get(f, "technicianId"), get(f, "platform"), get(f, "channel"),
                get(f, "method"), get(f, "verificationId"), get(f, "outcome"), get(f, "reason"), get(f, "prev"),
                get(f, "hash"));
    }

    static int code(EventType type) {
        int code = TYPE_CODES.indexOf(type);
        if (code < 0) {
            throw new IllegalStateException(type + " has no stored code: add it at the end of TYPE_CODES");
        }
        return code;
    }

    /* A code; entries written before codes hold the name. */
    private static EventType type(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return TYPE_CODES.get(Integer.parseInt(value));
        }
        return EventType.valueOf(value);
    }

    private static void add(List<String> out, String name, String value) {
        out.add(name);
        out.add(value);
    }

    /* Epoch nanoseconds; entries written before that change hold ISO-8601. */
    private static Instant time(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            long nanos = Long.parseLong(value);
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        }
        return Instant.parse(value);
    }

    static String get(Map<?, ?> f, String name) {
        Object v = f.get(name);
        return v == null ? "" : v.toString();
    }
}
