package io.helpdeskverify.psa.store;

import io.helpdeskverify.psa.PsaProperties;
import io.helpdeskverify.psa.TicketNoteOutbox;
import io.helpdeskverify.shared.StoredJson;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The package-private ticket-note outbox, for tests that wire the PSA workflow without Spring. */
public final class PsaStoresForTests {

    private PsaStoresForTests() {}

    public static io.helpdeskverify.psa.PsaCallCounter callCounter(StringRedisTemplate redis, java.time.Clock clock) {
        return new RedisPsaCallCounter(redis, clock);
    }

    public static io.helpdeskverify.psa.PodSessions podSessions(StringRedisTemplate redis, StoredJson json,
                                                                java.time.Clock clock) {
        return new RedisPodSessions(redis, json, clock);
    }

    public static TicketNoteOutbox outbox(StringRedisTemplate redis, StoredJson json, PsaProperties props) {
        return new RedisTicketNoteOutbox(redis, json, props);
    }
}
