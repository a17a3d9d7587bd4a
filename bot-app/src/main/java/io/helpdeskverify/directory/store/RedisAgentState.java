package io.helpdeskverify.directory.store;

import io.helpdeskverify.directory.AgentState;
import io.helpdeskverify.directory.SyncLease;
import io.helpdeskverify.directory.SyncReport;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.shared.store.RedisLease;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * A customer's directory agent at {@code hv:agent:{customer}:…}: the push lease, each applied
 * batch's report (kept a week, longer than any agent retries), the snapshot under way and the GUIDs
 * it saw, and the agent's status (its last pass, its last complete snapshot). One hash tag per
 * customer: {@code agent-batch-done.lua} writes four of these keys at once.
 */
@Repository
class RedisAgentState implements AgentState {

    private static final RedisScript<Long> BATCH_DONE = LuaScripts.load("agent-batch-done.lua", Long.class);
    private static final Duration KEEP_BATCH = Duration.ofDays(7);

    private final StringRedisTemplate redis;
    private final StoredJson json;

    RedisAgentState(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<SyncLease> tryLease(String customer, Duration lease) {
        return RedisLease.tryAcquire(redis, key(customer, "lock"), lease).map(HeldLease::new);
    }

    @Override
    public Optional<SyncReport> batch(String customer, String batchId) {
        return json.read(redis.opsForValue().get(key(customer, "batch:" + batchId)), SyncReport.class);
    }

    @Override
    public Optional<Snapshot> snapshot(String customer) {
        return json.read(redis.opsForValue().get(key(customer, "snapshot")), Snapshot.class);
    }

    @Override
    public void startSnapshot(String customer, String snapshotId) {
        redis.delete(key(customer, "seen"));
        redis.opsForValue().set(key(customer, "snapshot"), json.write(new Snapshot(snapshotId, 0)));
    }

    @Override
    public void markSeen(String customer, Collection<String> externalIds) {
        if (!externalIds.isEmpty()) {
            redis.opsForSet().add(key(customer, "seen"), externalIds.toArray(String[]::new));
        }
    }

    @Override
    public Set<String> seen(String customer) {
        var members = redis.opsForSet().members(key(customer, "seen"));
        return members == null ? Set.of() : members;
    }

    @Override
    public Optional<Status> status(String customer) {
        return json.read(redis.opsForValue().get(key(customer, "status")), Status.class);
    }

    @Override
    public void finishBatch(String customer, String batchId, SyncReport report, SnapshotStep step, Status status) {
        String what = step instanceof SnapshotStep.Next ? "next" : step instanceof SnapshotStep.Ended ? "end" : "keep";
        String next = step instanceof SnapshotStep.Next n ? json.write(n.snapshot()) : "";
        redis.execute(BATCH_DONE, List.of(key(customer, "batch:" + batchId), key(customer, "snapshot"),
                key(customer, "seen"), key(customer, "status")), json.write(report),
                Long.toString(KEEP_BATCH.toSeconds()), what, next, json.write(status));
    }

    private static String key(String customer, String what) {
        return "hv:agent:{" + customer + "}:" + what;
    }
}
