package io.helpdeskverify.directory.store;

import io.helpdeskverify.directory.LdapSyncState;
import io.helpdeskverify.directory.SyncReport;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The Active Directory sync's state at {@code hv:ldap:{customer}:…}: the lease ({@code SET NX PX}
 * with a random holder token, token-checked Lua to extend and release, as the Microsoft 365 sync
 * does), the last report, the GUIDs a full pass has seen, and the USN cursor.
 */
@Repository
class RedisLdapSyncState implements LdapSyncState {

    private static final RedisScript<Long> RELEASE = LuaScripts.load("lease-release.lua", Long.class);
    private static final RedisScript<Long> EXTEND = LuaScripts.load("lease-extend.lua", Long.class);

    private final StringRedisTemplate redis;
    private final StoredJson json;

    RedisLdapSyncState(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<Lease> tryLease(String customer, Duration lease) {
        String key = key(customer, "lock");
        String token = UUID.randomUUID().toString();
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, lease))
                ? Optional.of(new RedisLease(key, token, lease)) : Optional.empty();
    }

    @Override
    public boolean leased(String customer) {
        return Boolean.TRUE.equals(redis.hasKey(key(customer, "lock")));
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
        return "hv:ldap:" + customer + ":" + what;
    }

    private final class RedisLease implements Lease {
        private final String key;
        private final String token;
        private final Duration lease;
        private volatile boolean lost;

        private RedisLease(String key, String token, Duration lease) {
            this.key = key;
            this.token = token;
            this.lease = lease;
        }

        @Override
        public boolean extend() {
            if (lost) {
                return false;
            }
            Long r = redis.execute(EXTEND, List.of(key), token, Long.toString(lease.toMillis()));
            lost = r == null || r == 0;
            return !lost;
        }

        @Override
        public boolean held() {
            return !lost;
        }

        @Override
        public void release() {
            lost = true;
            redis.execute(RELEASE, List.of(key), token);
        }
    }
}
