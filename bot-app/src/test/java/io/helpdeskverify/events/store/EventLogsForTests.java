package io.helpdeskverify.events.store;

import io.helpdeskverify.events.EventLog;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Test code only: the package-private Redis Streams audit log, for tests that wire it without Spring. */
public final class EventLogsForTests {

    private EventLogsForTests() {}

    public static EventLog eventLog(StringRedisTemplate redis, EventStreams streams) {
        return new RedisEventLog(redis, streams);
    }
}
