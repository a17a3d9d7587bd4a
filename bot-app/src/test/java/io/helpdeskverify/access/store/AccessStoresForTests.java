package io.helpdeskverify.access.store;

import io.helpdeskverify.access.AccessPolicies;
import io.helpdeskverify.shared.StoredJson;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Test code only: the package-private Redis access policies, for tests that wire them without Spring. */
public final class AccessStoresForTests {

    private AccessStoresForTests() {}

    public static AccessPolicies policies(StringRedisTemplate redis, StoredJson json) {
        return new RedisAccessPolicies(redis, json);
    }
}
