package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.ChainReport;
import io.helpdeskverify.events.ChainReport.ChainBreak;
import io.helpdeskverify.events.ChainReport.Reason;
import io.helpdeskverify.events.EventChainCheck;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.store.KeyShards;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Walks a chain oldest first, from the trim checkpoint (or the first chained event), recomputing every
 * link. At the first event that does not hold it decides why: a hash that no longer matches its fields
 * is an edit, unless those fields match a link further on (moved); a right hash after the wrong
 * predecessor is a removal, unless the missing successor turns up further on (moved).
 */
@Component
class RedisEventChainCheck implements EventChainCheck {

    private static final int BATCH = 500;
    /* How far ahead a break looks for the event that belongs here, to tell a move from an edit or a removal. */
    private static final int LOOKAHEAD = 200;
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CUSTOMER_PAGE = LuaScripts.load("customer-chain-page.lua", List.class);

    private final StringRedisTemplate redis;
    private final EventStreams streams;

    RedisEventChainCheck(StringRedisTemplate redis, EventStreams streams) {
        this.redis = redis;
        this.streams = streams;
    }

    @Override
    public String key(Optional<String> customer) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(streams.chain().key(customer.orElse("")));
    }

    @Override
    public ChainReport verify(Optional<String> customer, Optional<Instant> from, Optional<Instant> to) {
        String c = customer.orElse("");
        if (!c.isEmpty()) {
            return verify(c, EventStreams.customerStream(c), EventStreams.globalStream(c), from, to);
        }
        // The global chain is one chain per key shard (each shard's stream has its own head): all must hold.
        long checked = 0;
        long unchained = 0;
        String first = "";
        String last = "";
        String checkpoint = "";
        for (int shard = 0; shard < KeyShards.COUNT; shard++) {
            String stream = EventStreams.shardStream(shard);
            var r = verify("", stream, stream, from, to);
            checked += r.checked();
            unchained += r.unchained();
            if (r.firstBreak().isPresent()) {
                return new ChainReport("global", checked, unchained, r.firstId(), r.lastId(), r.checkpoint(),
                        r.firstBreak());
            }
            first = earliest(first, r.firstId());
            last = latest(last, r.lastId());
            checkpoint = latest(checkpoint, r.checkpoint());
        }
        return new ChainReport("global", checked, unchained, first, last, checkpoint, Optional.empty());
    }

    private static String earliest(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() || compare(a, b) <= 0 ? a : b;
    }

    private static String latest(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() || compare(a, b) >= 0 ? a : b;
    }

    /* One chain: {@code stream} is the chain's own stream, {@code global} the stream its events are read from. */
    private ChainReport verify(String c, String stream, String global, Optional<Instant> from, Optional<Instant> to) {
        var report = new Report(c.isEmpty() ? "global" : "customer:" + c);
        byte[] key = streams.chain().key(c);
        // Read before the walk: an event appended during it moves the head past what was read, not behind it.
        String head = Objects.toString(redis.opsForValue().get(EventStreams.headKey(stream)), "");
        Map<Object, Object> checkpoint = redis.<Object, Object>opsForHash().entries(EventStreams.checkpointKey(stream));
        String lower = "-";
        String expected = "";
        if (!checkpoint.isEmpty()) {
            report.checkpoint = EventStreams.get(checkpoint, "id");
            expected = EventStreams.get(checkpoint, "hash");
            String signature = EventChain.checkpointSignature(key, stream, report.checkpoint, expected);
            if (!EventChain.same(signature, EventStreams.get(checkpoint, "sig"))) {
                return report.broken(report.checkpoint, Reason.EDITED,
                        "the trim checkpoint's signature does not match: the checkpoint was changed");
            }
            lower = "(" + report.checkpoint;
        }
        boolean trustFirst = false;
        if (from.isPresent()) {
            String start = from.get().toEpochMilli() + "-0";
            if (report.checkpoint.isEmpty() || compare(start, report.checkpoint) > 0) {
                lower = start;
                trustFirst = true;
            }
        }
        String upper = to.map(t -> t.toEpochMilli() + "-" + Long.MAX_VALUE).orElse("+");
        var walk = new Walk(c, global, lower, upper);
        // Once one link was seen (or a checkpoint after one), every later event must have one.
        boolean chained = !expected.isEmpty();
        boolean headSeen = head.isEmpty() || head.equals(expected);
        for (int i = 0; walk.has(i); i++) {
            Link l = walk.at(i);
            if (l.event().isEmpty()) {
                return report.broken(l.id(), Reason.REMOVED,
                        "the event is gone from the global stream; its entry in the customer's index is still there");
            }
            AuditEvent e = l.event().get();
            if (l.hash().isEmpty()) {
                if (!chained) {
                    report.unchained++;
                    continue;
                }
                return report.broken(l.id(), Reason.EDITED, "its links (prev, hash) were removed");
            }
            if (trustFirst && report.checked == 0) {
                expected = l.prev();
            }
            if (!EventChain.same(EventChain.link(key, l.prev(), e), l.hash())) {
                return walk.belongsLater(i, key, e)
                        ? report.broken(l.id(), Reason.REORDERED, "this event's fields belong to a later place in "
                                + "the chain: events were moved")
                        : report.broken(l.id(), Reason.EDITED, "its fields are not the ones its hash was made over");
            }
            if (!l.prev().equals(expected)) {
                String after = report.lastId.isEmpty() ? "the start of the chain" : report.lastId;
                return walk.successorLater(i, expected)
                        ? report.broken(l.id(), Reason.REORDERED, "the event that followed " + after
                                + " comes later: events were moved")
                        : report.broken(l.id(), Reason.REMOVED, "one or more events between " + after
                                + " and this one are missing");
            }
            expected = l.hash();
            chained = true;
            report.checked(l.id());
            headSeen |= l.hash().equals(head);
        }
        if (to.isEmpty() && !headSeen && (from.isEmpty() || report.checked > 0)) {
            return report.broken(report.lastId, Reason.REMOVED,
                    "the newest events are missing: the chain's head is not among the events after this one");
        }
        return report.done();
    }

    /* Stream ids "<ms>-<seq>", compared as numbers. */
    static int compare(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        int byTime = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(a.substring(da + 1)), Long.parseLong(b.substring(db + 1)));
    }

    /** One link: the entry id, the event (empty when it is gone), and its links in the chain walked. */
    private record Link(String id, Optional<AuditEvent> event, String prev, String hash) {}

    private static final class Report {
        final String chain;
        long checked;
        long unchained;
        String firstId = "";
        String lastId = "";
        String checkpoint = "";

        Report(String chain) {
            this.chain = chain;
        }

        void checked(String id) {
            checked++;
            if (firstId.isEmpty()) {
                firstId = id;
            }
            lastId = id;
        }

        ChainReport broken(String id, Reason reason, String detail) {
            return new ChainReport(chain, checked, unchained, firstId, lastId, checkpoint,
                    Optional.of(new ChainBreak(id, reason, detail)));
        }

        ChainReport done() {
            return new ChainReport(chain, checked, unchained, firstId, lastId, checkpoint, Optional.empty());
        }
    }

    /** The links of one chain in order, read a page at a time, with a window ahead for telling moves apart. */
    private final class Walk {
        private final String customer;
        private final String global;
        private final String upper;
        private final List<Link> buffer = new ArrayList<>();
        private int offset;
        private String lower;
        private boolean exhausted;

        Walk(String customer, String global, String lower, String upper) {
            this.customer = customer;
            this.global = global;
            this.lower = lower;
            this.upper = upper;
        }

        boolean has(int i) {
            fill(i);
            return i - offset < buffer.size();
        }

        Link at(int i) {
            if (i - offset > 2 * BATCH) {
                // Keep memory flat on a long chain: only the window from here on is needed.
                buffer.subList(0, i - offset).clear();
                offset = i;
            }
            return buffer.get(i - offset);
        }

        boolean belongsLater(int i, byte[] key, AuditEvent e) {
            for (int j = i + 1; j <= i + LOOKAHEAD && has(j); j++) {
                Link later = buffer.get(j - offset);
                if (!later.hash().isEmpty() && EventChain.same(EventChain.link(key, later.prev(), e), later.hash())) {
                    return true;
                }
            }
            return false;
        }

        boolean successorLater(int i, String expected) {
            for (int j = i + 1; j <= i + LOOKAHEAD && has(j); j++) {
                if (buffer.get(j - offset).prev().equals(expected)) {
                    return true;
                }
            }
            return false;
        }

        private void fill(int i) {
            while (!exhausted && i - offset >= buffer.size()) {
                List<Link> page = customer.isEmpty() ? globalPage() : customerPage();
                buffer.addAll(page);
                if (page.size() < BATCH) {
                    exhausted = true;
                } else {
                    lower = "(" + page.get(page.size() - 1).id();
                }
            }
        }

        private List<Link> globalPage() {
            List<MapRecord<String, Object, Object>> page = redis.opsForStream().range(global,
                    Range.of(RedisEventLog.bound(lower), RedisEventLog.bound(upper)), Limit.limit().count(BATCH));
            var out = new ArrayList<Link>();
            if (page != null) {
                for (var r : page) {
                    var e = EventStreams.read(r.getId().getValue(), r.getValue());
                    out.add(new Link(e.id(), Optional.of(e), e.prev(), e.hash()));
                }
            }
            return out;
        }

        private List<Link> customerPage() {
            List<?> reply = redis.execute(CUSTOMER_PAGE, List.of(EventStreams.customerStream(customer),
                    global), lower, upper, Integer.toString(BATCH));
            var out = new ArrayList<Link>();
            for (Object o : reply == null ? List.of() : reply) {
                List<?> entry = (List<?>) o;
                String id = entry.get(0).toString();
                var links = RedisEventLog.pairs((List<?>) entry.get(1));
                List<?> fields = (List<?>) entry.get(2);
                Optional<AuditEvent> event = fields.isEmpty() ? Optional.empty()
                        : Optional.of(EventStreams.read(id, RedisEventLog.pairs(fields)));
                out.add(new Link(id, event, EventStreams.get(links, "prev"), EventStreams.get(links, "hash")));
            }
            return out;
        }
    }
}
