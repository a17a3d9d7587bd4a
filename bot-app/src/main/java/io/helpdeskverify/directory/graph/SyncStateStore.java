package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.SyncReport;
import io.helpdeskverify.shared.StoredJson;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What a customer's sync has to remember in Redis: the last report, the page a running sync
 * reached (so another instance resumes there after a crash), the ids seen by a full import, and
 * the delta link with the tenant it belongs to.
 */
class SyncStateStore {

    private final StringRedisTemplate redis;
    private final StoredJson json;

    SyncStateStore(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    Optional<SyncReport> report(String customer) {
        return read(redis.opsForValue().get(key(customer, "report")), SyncReport.class);
    }

    void saveReport(String customer, SyncReport report) {
        redis.opsForValue().set(key(customer, "report"), write(report));
    }

    Optional<Progress> progress(String customer) {
        return read(redis.opsForValue().get(key(customer, "progress")), Progress.class);
    }

    /** Report and progress together, so a resumed sync's counters match the page it resumes at. */
    void saveProgress(String customer, Progress progress, SyncReport report) {
        redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            var s = (org.springframework.data.redis.connection.StringRedisConnection) c;
            s.set(key(customer, "progress"), write(progress));
            s.set(key(customer, "report"), write(report));
            return null;
        });
    }

    void clearProgress(String customer) {
        redis.delete(key(customer, "progress"));
    }

    void markSeen(String customer, Collection<String> externalIds) {
        if (!externalIds.isEmpty()) {
            redis.opsForSet().add(key(customer, "seen"), externalIds.toArray(String[]::new));
        }
    }

    Set<String> seen(String customer) {
        var members = redis.opsForSet().members(key(customer, "seen"));
        return members == null ? Set.of() : members;
    }

    void clearSeen(String customer) {
        redis.delete(key(customer, "seen"));
    }

    /** The delta link and the tenant it was issued for; none means the next sync is a full import. */
    Optional<Cursor> cursor(String customer) {
        return read(redis.opsForValue().get(key(customer, "cursor")), Cursor.class);
    }

    void saveCursor(String customer, Cursor cursor) {
        redis.opsForValue().set(key(customer, "cursor"), write(cursor));
    }

    void clearCursor(String customer) {
        redis.delete(key(customer, "cursor"));
    }

    private static String key(String customer, String what) {
        return "hv:graph:" + customer + ":" + what;
    }

    private String write(Object value) {
        return json.write(value);
    }

    private <T> Optional<T> read(String value, Class<T> type) {
        return json.read(value, type);
    }

    /**
     * Where a running sync is.
     *
     * @param link the next page to fetch; empty = the first page of {@code mode}
     * @param notBefore a failed sync is retried from here on (Graph's Retry-After, or a back-off)
     */
    record Progress(SyncReport.Mode mode, String tenant, Optional<String> link, Optional<Instant> notBefore) {
        Progress {
            link = link == null ? Optional.empty() : link;
            notBefore = notBefore == null ? Optional.empty() : notBefore;
        }
    }

    /**
     * @param deltaLink where the next delta round starts; empty only in cursors of earlier versions (whose import was a
     *                  plain listing): their next sync starts a delta round without a token
     */
    record Cursor(String tenant, Instant fullImportAt, Optional<String> deltaLink) {
        Cursor {
            deltaLink = deltaLink == null ? Optional.empty() : deltaLink;
        }
    }
}
