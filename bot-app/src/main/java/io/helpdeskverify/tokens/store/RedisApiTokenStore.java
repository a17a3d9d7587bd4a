package io.helpdeskverify.tokens.store;

import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.tokens.ApiToken;
import io.helpdeskverify.tokens.ApiTokenStore;
import io.helpdeskverify.tokens.CustomerScope;
import io.helpdeskverify.tokens.Role;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Tokens in one hash (id → JSON) and the names of active tokens in another, so that "the name is
 * free" and "store it" happen in one script.
 */
@Repository
class RedisApiTokenStore implements ApiTokenStore {

    // One hash tag: both scripts touch both keys, so on a Redis Cluster they must share a slot.
    private static final String TOKENS = "hv:{api-tokens}";
    private static final String NAMES = "hv:{api-tokens}:names";
    private static final RedisScript<Long> CREATE = LuaScripts.load("create-api-token.lua", Long.class);
    private static final RedisScript<Long> REVOKE = LuaScripts.load("revoke-api-token.lua", Long.class);

    private final StringRedisTemplate redis;
    private final StoredJson json;

    RedisApiTokenStore(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public boolean create(ApiToken token) {
        Long stored = redis.execute(CREATE, List.of(TOKENS, NAMES), token.id(), nameKey(token),
                json.write(Stored.of(token)));
        return stored != null && stored == 1L;
    }

    @Override
    public Optional<ApiToken> find(String id) {
        return json.read(redis.<String, String>opsForHash().get(TOKENS, id), Stored.class).map(Stored::token);
    }

    @Override
    public List<ApiToken> all() {
        return redis.<String, String>opsForHash().values(TOKENS).stream()
                .map(v -> json.read(v, Stored.class).orElseThrow().token())
                .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id)).toList();
    }

    @Override
    public void revoke(ApiToken revoked) {
        redis.execute(REVOKE, List.of(TOKENS, NAMES), revoked.id(), nameKey(revoked), json.write(Stored.of(revoked)));
    }

    /** Names are unique without regard to case, so "Tina" and "tina" cannot both act. */
    private static String nameKey(ApiToken token) {
        return token.name().toLowerCase(Locale.ROOT);
    }

    /** The stored form: plain nullable fields, so a field added later reads back from older entries. */
    record Stored(String id, String name, Set<Role> roles, Set<String> customers, Instant createdAt, String createdBy,
                  Instant expiresAt, Instant revokedAt, String secretHash) {

        static Stored of(ApiToken t) {
            return new Stored(t.id(), t.name(), t.roles(), t.customers().asList(), t.createdAt(), t.createdBy(),
                    t.expiresAt().orElse(null), t.revokedAt().orElse(null), t.secretHash());
        }

        ApiToken token() {
            return new ApiToken(id, name, roles == null ? Set.of() : roles,
                    CustomerScope.of(customers == null ? Set.of() : customers), createdAt, createdBy,
                    Optional.ofNullable(expiresAt), Optional.ofNullable(revokedAt), secretHash);
        }
    }
}
