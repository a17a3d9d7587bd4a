package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.Technician;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A start spends its rate-limit slot in the budget's slot and stores the verification in the
 * customer's (two Redis Cluster slots, so two scripts). When the write fails after the slot was
 * spent, the slot is given back: the push-bombing guard counts only verifications that exist.
 */
@ExtendWith(RedisConnection.class)
class StartSlotGivenBackTest {

    final ChatWorld world;
    final StringRedisTemplate redis;
    final Technician tina;

    StartSlotGivenBackTest(StringRedisTemplate redis) {
        this.redis = redis;
        world = new ChatWorld(redis);
        tina = world.slackTechnician("U0TINA", "Tina");
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aStartWhoseWriteFailsLeavesNoSlotSpentAndNothingStored() {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");
        String userWindow = "hv:{budget}:user:" + acme + ":jdoe";

        world.failCreates.set(1);
        assertThatThrownBy(() -> world.verifications.start(new StartRequest(acme, "jdoe", Optional.empty(), tina, "C1")))
                .isInstanceOf(RedisConnectionFailureException.class);
        assertThat(redis.opsForZSet().zCard(userWindow)).as("the failed start's slot is given back").isZero();
        assertThat(world.changes).as("nothing started").isEmpty();

        var started = world.verifications.start(new StartRequest(acme, "jdoe", Optional.empty(), tina, "C1"));
        assertThat(started).isInstanceOf(StartResult.Started.class);
        String id = ((StartResult.Started) started).verification().id();
        assertThat(redis.opsForZSet().range(userWindow, 0, -1)).as("a stored start keeps its slot, named by it")
                .containsExactly(id);
    }
}
