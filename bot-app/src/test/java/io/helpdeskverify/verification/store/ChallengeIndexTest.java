package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.store.KeyShards;
import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Issue 20: {@code hv:{hv<n>}:challenge:<id>} (the app answers by challenge id) was written for email and
 * SMS code verifications too, which no app answers, and lived 7 days. Only app methods get it now,
 * and it lives no longer than the code.
 */
@HelpdeskTest
class ChallengeIndexTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void onlyAppMethodsGetAChallengeIndexAndItGoesWithTheCode() {
        var fixtures = new Fixtures(new Api(port));
        String user = fixtures.userWithMobileAndEmail();
        String sms = fixtures.start(user, "SMS_CODE", "index").get("id").asText();
        String email = fixtures.start(user, "EMAIL_CODE", "index").get("id").asText();
        var app = fixtures.userWithApp();
        var push = new HashMap<String, String>();
        for (String method : new String[] {"PUSH", "PUSH_WITH_CODE", "VERIFIED_PUSH"}) {
            push.put(method, fixtures.start(app.username(), method, "index").get("id").asText());
        }

        Map<String, String> index = challengeIndex();
        assertThat(index.values()).doesNotContain(sms, email);
        for (var started : push.entrySet()) {
            var key = index.entrySet().stream().filter(e -> e.getValue().equals(started.getValue())).findFirst();
            assertThat(key).as(started.getKey() + " has its challenge index").isPresent();
            long ttl = redis.getExpire(key.get().getKey(), TimeUnit.MILLISECONDS);
            assertThat(ttl).as(started.getKey()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
        }
    }

    /** hv:{hv<n>}:challenge:<challenge id> → verification id, for every index entry there is. */
    private Map<String, String> challengeIndex() {
        var index = new HashMap<String, String>();
        for (int shard : KeyShards.all()) {
            try (var keys = redis.scan(ScanOptions.scanOptions().match(KeyShards.prefix(shard) + "challenge:*").count(1000)
                    .build())) {
                keys.forEachRemaining(k -> {
                    String v = redis.opsForValue().get(k);
                    if (v != null) {
                        index.put(k, v);
                    }
                });
            }
        }
        return index;
    }
}
