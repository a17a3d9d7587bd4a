package io.helpdeskverify.siem.store;

import io.helpdeskverify.shared.SealedStrings;
import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.shared.store.RedisLease;
import io.helpdeskverify.siem.DeliveryState;
import io.helpdeskverify.siem.DeliveryStates;
import io.helpdeskverify.siem.WebhookDestination;
import io.helpdeskverify.siem.WebhookStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The destinations and their outbox state. Each destination's keys share its own hash tag,
 * {@code hv:{wh:<id>}:def} (url, customer, description, sealed secret), {@code :state} (cursor,
 * attempts, next attempt, failing since), {@code :lease} and {@code :notice}, so the scripts that
 * touch two of them run on one Cluster slot; {@code hv:{webhooks}:ids} lists the ids and is written
 * on its own (a listed id without a definition is skipped).
 */
@Repository
class RedisWebhookStore implements WebhookStore, DeliveryStates {

    static final String IDS = "hv:{webhooks}:ids";

    /* Both keys, or neither: a destination is never listed without the state its drain reads. */
    private static final RedisScript<Long> CREATE = RedisScript.of("""
            redis.call('HSET', KEYS[1], 'url', ARGV[1], 'customer', ARGV[2], 'description', ARGV[3],
                'createdAt', ARGV[4], 'createdBy', ARGV[5], 'secret', ARGV[6])
            redis.call('HSET', KEYS[2], 'cursor', ARGV[7], 'attempts', '0', 'nextAttemptAt', '0',
                'failingSince', '', 'lastError', '', 'dropped', '0')
            return 1""", Long.class);
    /* A drain that outlives a delete must not bring the state back. */
    private static final RedisScript<Long> SAVE_STATE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[2], 'cursor', ARGV[1], 'attempts', ARGV[2], 'nextAttemptAt', ARGV[3],
                'failingSince', ARGV[4], 'lastError', ARGV[5], 'dropped', ARGV[6])
            return 1""", Long.class);
    private static final RedisScript<Long> REPLACE_SECRET = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'secret', ARGV[1])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final SealedStrings secrets;

    RedisWebhookStore(StringRedisTemplate redis, ServerKeys keys, SecureRandom random) {
        this.redis = redis;
        this.secrets = new SealedStrings(keys, "siem-webhook-secret", random);
    }

    static String def(String id) {
        return "hv:{wh:" + id + "}:def";
    }

    static String state(String id) {
        return def(id).replace(":def", ":state");
    }

    @Override
    public void create(WebhookDestination d, String secret, String startCursor) {
        redis.execute(CREATE, List.of(def(d.id()), state(d.id())), d.url(), d.customer().orElse(""), d.description(),
                d.createdAt().toString(), d.createdBy(), secrets.seal(d.id(), secret), startCursor);
        redis.opsForSet().add(IDS, d.id());
    }

    @Override
    public List<WebhookDestination> all() {
        Set<String> ids = redis.opsForSet().members(IDS);
        var out = new ArrayList<WebhookDestination>();
        for (String id : ids == null ? Set.<String>of() : ids) {
            find(id).ifPresent(out::add);
        }
        out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return out;
    }

    @Override
    public Optional<WebhookDestination> find(String id) {
        Map<Object, Object> h = redis.opsForHash().entries(def(id));
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String customer = get(h, "customer");
        return Optional.of(new WebhookDestination(id, get(h, "url"),
                customer.isEmpty() ? Optional.empty() : Optional.of(customer), get(h, "description"),
                Instant.parse(get(h, "createdAt")), get(h, "createdBy")));
    }

    @Override
    public Optional<String> secret(String id) {
        Object sealed = redis.opsForHash().get(def(id), "secret");
        return sealed == null ? Optional.empty() : secrets.open(id, sealed.toString());
    }

    @Override
    public boolean replaceSecret(String id, String secret) {
        Long r = redis.execute(REPLACE_SECRET, List.of(def(id)), secrets.seal(id, secret));
        return r != null && r == 1;
    }

    @Override
    public boolean delete(String id) {
        Long removed = redis.opsForSet().remove(IDS, id);
        Long deleted = redis.delete(List.of(def(id), state(id)));
        return (removed != null && removed > 0) || (deleted != null && deleted > 0);
    }

    @Override
    public Optional<DeliveryState> load(String id) {
        Map<Object, Object> h = redis.opsForHash().entries(state(id));
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String since = get(h, "failingSince");
        return Optional.of(new DeliveryState(get(h, "cursor"), Integer.parseInt(orZero(get(h, "attempts"))),
                Instant.ofEpochMilli(Long.parseLong(orZero(get(h, "nextAttemptAt")))),
                since.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(since))),
                get(h, "lastError"), Long.parseLong(orZero(get(h, "dropped")))));
    }

    @Override
    public void save(String id, DeliveryState s) {
        redis.execute(SAVE_STATE, List.of(def(id), state(id)), s.cursor(), Integer.toString(s.attempts()),
                Long.toString(s.nextAttemptAt().toEpochMilli()),
                s.failingSince().map(t -> Long.toString(t.toEpochMilli())).orElse(""), s.lastError(),
                Long.toString(s.dropped()));
    }

    @Override
    public Optional<Lease> tryLease(String id, Duration length) {
        return RedisLease.tryAcquire(redis, def(id).replace(":def", ":lease"), length).map(l -> new Lease() {
            @Override
            public boolean extend() {
                return l.extend();
            }

            @Override
            public void release() {
                l.release();
            }
        });
    }

    @Override
    public boolean claimNotice(String id, Duration every) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(def(id).replace(":def", ":notice"), "1", every));
    }

    private static String get(Map<Object, Object> h, String field) {
        Object v = h.get(field);
        return v == null ? "" : v.toString();
    }

    private static String orZero(String s) {
        return s.isEmpty() ? "0" : s;
    }
}
