package io.helpdeskverify.access.store;

import io.helpdeskverify.access.AccessPolicies;
import io.helpdeskverify.access.AccessPolicy;
import io.helpdeskverify.shared.StoredJson;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * Access policies in one Redis hash beside the customers ({@code hv:access}, field = customer slug,
 * value = the policy as JSON). One field per customer: a policy is read and replaced whole, so a
 * single HGET/HSET is atomic without a script.
 */
@Repository
class RedisAccessPolicies implements AccessPolicies {

    static final String KEY = "hv:access";

    private final StringRedisTemplate redis;
    private final StoredJson json;

    RedisAccessPolicies(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<AccessPolicy> find(String customer) {
        return json.read(redis.<String, String>opsForHash().get(KEY, customer), AccessPolicy.class);
    }

    @Override
    public void save(String customer, AccessPolicy policy) {
        if (policy.isEmpty()) {
            redis.opsForHash().delete(KEY, customer);
        } else {
            redis.opsForHash().put(KEY, customer, json.write(policy));
        }
    }
}
