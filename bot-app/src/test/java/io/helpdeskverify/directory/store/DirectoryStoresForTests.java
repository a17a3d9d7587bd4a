package io.helpdeskverify.directory.store;

import io.helpdeskverify.directory.AgentState;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.shared.StoredJson;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Test code only: the package-private Redis directory, for tests that wire it without Spring. */
public final class DirectoryStoresForTests {

    private DirectoryStoresForTests() {}

    public static DirectoryRepository repository(StringRedisTemplate redis, StoredJson json) {
        return new RedisDirectoryRepository(redis, json);
    }

    public static AgentState agentState(StringRedisTemplate redis, StoredJson json) {
        return new RedisAgentState(redis, json);
    }
}
