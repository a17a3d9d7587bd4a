package io.helpdeskverify.verification.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A verification stored by an earlier version (a hash {ver, json} with full names, its user in an
 * awaiting set) reads, is found by the app's poll, and is converted by its next change, so an
 * upgrade in the middle of a verification loses nothing.
 */
@HelpdeskTest
class StoredBeforeTest {

    @Autowired
    VerificationStore store;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ObjectMapper boot;

    @Test
    void aVerificationStoredBeforeReadsAndIsConvertedByItsNextChange() throws Exception {
        String id = Fixtures.unique("old");
        String user = Fixtures.unique("user");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var v = Verification.builder().id(id).customer("acme").endUser(user)
                .technician(new Technician(Platform.SLACK, "U1", "Tina")).channel("C1").method(Method.PUSH)
                .state(State.SENT).createdAt(now).expiresAt(now.plusSeconds(60)).challengeId("ch-" + id).version(3)
                .build();
        redis.opsForHash().put(VerificationKeys.verification(id), "ver", "3");
        redis.opsForHash().put(VerificationKeys.verification(id), "json", boot.writeValueAsString(v));
        redis.opsForSet().add(VerificationKeys.awaiting("acme", user), id);

        assertThat(store.find(id)).contains(v);
        assertThat(store.awaitingUser("acme", user)).containsExactly(v);

        var next = Verification.builder().id(id).customer("acme").endUser(user).technician(v.technician())
                .channel("C1").method(Method.PUSH).state(State.SENT).createdAt(now).expiresAt(now.plusSeconds(60))
                .challengeId("ch-" + id).wrongCodeAttempts(1).version(3).build();
        var written = store.replace(v, next, List.of());

        assertThat(written).map(Verification::version).contains(4L);
        assertThat(redis.type(VerificationKeys.verification(id))).isEqualTo(DataType.STRING);
        assertThat(redis.type(VerificationKeys.awaiting("acme", user))).isEqualTo(DataType.ZSET);
        assertThat(store.find(id)).isEqualTo(written);
        assertThat(store.awaitingUser("acme", user)).containsExactly(written.orElseThrow());
        assertThat(store.replace(v, next, List.of())).as("the old version lost the compare-and-set").isEmpty();
    }
}
