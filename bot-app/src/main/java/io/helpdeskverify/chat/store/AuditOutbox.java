package io.helpdeskverify.chat.store;

import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The audit replies not yet posted, in Redis, so that neither a failed post nor an instance that
 * dies before posting loses one (issue 16). Each reply is written once per (verification, change
 * version, event, conversation) into {@code hv:chat:v:<id>:audit} (derived from the verification's
 * chat key), with HSETNX so a second writer cannot add it again; posted replies are marked done
 * rather than removed, so the claim stays taken. The verification id goes into the due set
 * {@code hv:{chat}:audit-due} a grace ahead; the sweep of any instance takes due ids with
 * {@code claim-due.lua} (leased, one instance at a time) and posts what is still pending, in order.
 */
@Component
public class AuditOutbox {

    /* As long as the verification's chat state: a reply older than that has nobody to read it. */
    private static final Duration TTL = Duration.ofDays(1);
    private static final String DONE = "done";
    private static final String DUE = "hv:{chat}:audit-due";
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;
    private final StoredJson json;

    public AuditOutbox(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    /** A reply waiting in the outbox: its field (which orders it) and what to post where. */
    public record Pending(String field, ConversationRef where, AuditEntry entry) {}

    public record Stored(ConversationRef where, AuditEntry entry) {}

    /**
     * Claims the reply once: true if this call wrote it (and the caller posts it now), false if it
     * was there already. The due entry is written first, so an instance dying in between leaves at
     * worst a due id with nothing to post, and again after (see {@link #settled}).
     */
    public boolean claim(String verificationId, long version, int index, ConversationRef where, AuditEntry entry,
                         Instant retryAt) {
        // NX: never pulls forward an entry a sweep holds leased (two sweeps on one verification could post twice).
        redis.opsForZSet().addIfAbsent(DUE, verificationId, retryAt.toEpochMilli());
        String field = field(version, index, where);
        boolean mine = Boolean.TRUE.equals(redis.opsForHash().putIfAbsent(key(verificationId), field,
                json.write(new Stored(where, entry))));
        redis.expire(key(verificationId), TTL);
        // Again after the write: a sweep that settled the verification between the two finds the entry back.
        redis.opsForZSet().addIfAbsent(DUE, verificationId, retryAt.toEpochMilli());
        return mine;
    }

    /** The reply's field: sorts by change version, then by the event's place in the change. */
    public static String field(long version, int index, ConversationRef where) {
        return "%020d:%03d:%s:%s".formatted(version, index, where.platform(), where.conversationId());
    }

    public void posted(String verificationId, String field) {
        redis.opsForHash().put(key(verificationId), field, DONE);
    }

    /** What is still to post for this verification, in the order the changes and events happened. */
    public List<Pending> pending(String verificationId) {
        Map<Object, Object> all = redis.opsForHash().entries(key(verificationId));
        var sorted = new TreeMap<String, String>();
        all.forEach((k, v) -> sorted.put(k.toString(), v.toString()));
        var out = new ArrayList<Pending>();
        sorted.forEach((field, value) -> {
            if (!DONE.equals(value)) {
                json.read(value, Stored.class).ifPresent(s -> out.add(new Pending(field, s.where(), s.entry())));
            }
        });
        return out;
    }

    /** Verification ids whose replies are due, each leased to the caller for {@code lease}. */
    @SuppressWarnings("unchecked")
    public List<String> claimDue(Instant now, int max, Duration lease) {
        List<Object> due = redis.execute(CLAIM, List.of(DUE), Long.toString(now.toEpochMilli()),
                Integer.toString(max), Long.toString(lease.toMillis()));
        return due == null ? List.of() : due.stream().map(Object::toString).toList();
    }

    /** Try this verification again at {@code at}. */
    public void retryAt(String verificationId, Instant at) {
        redis.opsForZSet().add(DUE, verificationId, at.toEpochMilli());
    }

    /**
     * Nothing left to post (or given up): out of the due set. A reply claimed meanwhile (its due entry
     * was the one removed here) puts the verification back, so it is never left without one.
     */
    public void settled(String verificationId, Instant retryAt) {
        redis.opsForZSet().remove(DUE, verificationId);
        if (!pending(verificationId).isEmpty()) {
            redis.opsForZSet().add(DUE, verificationId, retryAt.toEpochMilli());
        }
    }

    private static String key(String verificationId) {
        return "hv:chat:v:" + verificationId + ":audit";
    }
}
