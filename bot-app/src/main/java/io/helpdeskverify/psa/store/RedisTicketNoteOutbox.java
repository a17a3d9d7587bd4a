package io.helpdeskverify.psa.store;

import io.helpdeskverify.psa.TicketLink;
import io.helpdeskverify.psa.TicketNoteOutbox;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The ticket-note outbox in Redis: {@code hv:{psa-notes}:waiting} (notes whose verification has not ended,
 * score = when to look again), {@code hv:{psa-notes}:due} (score = when to try, or the lease of the instance
 * writing it), {@code hv:{psa-notes}:link:<id>} and {@code hv:{psa-notes}:tries:<id>}. Claims use the expiry timer's
 * {@code claim-due.lua}, so each note is with one instance at a time.
 */
@Repository
class RedisTicketNoteOutbox implements TicketNoteOutbox {

    /* One hash tag for every key of the outbox: each psa-note-*.lua script touches the two sets and a
       note's link or tries key together, and Redis Cluster runs a script only on keys of one slot. */
    static final String WAITING = "hv:{psa-notes}:waiting";
    static final String DUE = "hv:{psa-notes}:due";
    /** A little beyond a finished verification's 7 days: a note given up by then is no use to anyone. */
    private static final Duration KEEP = Duration.ofDays(8);

    private static final RedisScript<Long> ADD = LuaScripts.load("psa-note-add.lua", Long.class);
    private static final RedisScript<Long> MAKE_DUE = LuaScripts.load("psa-note-due.lua", Long.class);
    private static final RedisScript<Long> FAILED = LuaScripts.load("psa-note-failed.lua", Long.class);
    private static final RedisScript<Long> DONE = LuaScripts.load("psa-note-done.lua", Long.class);
    private static final RedisScript<Long> WAIT_XX =
            RedisScript.of("return redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[1])", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = LuaScripts.load("claim-due.lua", List.class);

    private final StringRedisTemplate redis;
    private final StoredJson json;
    private final Duration backoff;
    private final Duration maxBackoff;

    RedisTicketNoteOutbox(StringRedisTemplate redis, StoredJson json, io.helpdeskverify.psa.PsaProperties props) {
        this.redis = redis;
        this.json = json;
        this.backoff = props.notes().backoff();
        this.maxBackoff = props.notes().maxBackoff();
    }

    @Override
    public void add(TicketLink link, Instant checkAt) {
        redis.execute(ADD, List.of(WAITING, linkKey(link.verificationId())), link.verificationId(),
                Long.toString(checkAt.toEpochMilli()), Long.toString(KEEP.toSeconds()), json.write(link));
    }

    @Override
    public Optional<TicketLink> link(String verificationId) {
        return json.read(redis.opsForValue().get(linkKey(verificationId)), TicketLink.class);
    }

    @Override
    public boolean makeDue(String verificationId, Instant now) {
        Long moved = redis.execute(MAKE_DUE, List.of(WAITING, DUE), verificationId, Long.toString(now.toEpochMilli()));
        return moved != null && moved == 1;
    }

    @Override
    public List<String> claimWaiting(Instant now, int max, Duration lease) {
        return claim(WAITING, now, max, lease);
    }

    @Override
    public void waitUntil(String verificationId, Instant at) {
        // XX: a note made due meanwhile is no longer waiting, and stays due.
        redis.execute(WAIT_XX, List.of(WAITING), verificationId, Long.toString(at.toEpochMilli()));
    }

    @Override
    public List<String> claimDue(Instant now, int max, Duration lease) {
        return claim(DUE, now, max, lease);
    }

    @Override
    public int failedAttempt(String verificationId, Instant now) {
        Long n = redis.execute(FAILED, List.of(DUE, triesKey(verificationId)), verificationId,
                Long.toString(now.toEpochMilli()), Long.toString(backoff.toMillis()), Long.toString(maxBackoff.toMillis()),
                Long.toString(KEEP.toSeconds()));
        return n == null ? 1 : n.intValue();
    }

    @Override
    public void done(String verificationId) {
        redis.execute(DONE, List.of(WAITING, DUE, linkKey(verificationId), triesKey(verificationId)), verificationId);
    }

    @SuppressWarnings("unchecked")
    private List<String> claim(String key, Instant now, int max, Duration lease) {
        List<Object> ids = redis.execute(CLAIM, List.of(key), Long.toString(now.toEpochMilli()), Integer.toString(max),
                Long.toString(lease.toMillis()));
        return ids == null ? List.of() : ids.stream().map(String::valueOf).toList();
    }

    private static String linkKey(String id) {
        return "hv:{psa-notes}:link:" + id;
    }

    private static String triesKey(String id) {
        return "hv:{psa-notes}:tries:" + id;
    }
}
