package io.helpdeskverify.directory.store;

import io.helpdeskverify.directory.LdapSyncState;
import io.helpdeskverify.directory.SyncLease;
import io.helpdeskverify.directory.SyncReport;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.shared.store.RedisLease;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * The Active Directory sync's state at {@code hv:ldap:{customer}:…}: the lease ({@code SET NX PX}
 * with a random holder token, token-checked Lua to extend and release, as the Microsoft 365 sync
 * does), the last report, the GUIDs a full pass has seen, and the USN cursor.
 */
@Repository
class RedisLdapSyncState implements LdapSyncState {


    private final StringRedisTemplate redis;
    private final StoredJson json;

    RedisLdapSyncState(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<SyncLease> tryLease(String customer, Duration lease) {
        return RedisLease.tryAcquire(redis, key(customer, "lock"), lease).map(HeldLease::new);
    }

    @Override
    public boolean leased(String customer) {
        return RedisLease.isHeld(redis, key(customer, "lock"));
    }

    @Override
    public Optional<SyncReport> report(String customer) {
        return json.read(redis.opsForValue().get(key(customer, "report")), SyncReport.class);
    }

    @Override
    public void saveReport(String customer, SyncReport report) {
        redis.opsForValue().set(key(customer, "report"), json.write(report));
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
    public void clearSeen(String customer) {
        redis.delete(key(customer, "seen"));
    }

    @Override
    public Optional<Cursor> cursor(String customer) {
        return json.read(redis.opsForValue().get(key(customer, "cursor")), Cursor.class);
    }

    @Override
    public void saveCursor(String customer, Cursor cursor) {
        redis.opsForValue().set(key(customer, "cursor"), json.write(cursor));
    }

    @Override
    public void clearAll(String customer) {
        redis.delete(List.of(key(customer, "report"), key(customer, "seen"), key(customer, "cursor")));
    }

    private static String key(String customer, String what) {
        // One hash tag per customer: clearAll deletes three of these keys in one command.
        return "hv:ldap:{" + customer + "}:" + what;
    }

}
