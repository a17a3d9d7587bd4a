package io.helpdeskverify.verification.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.MutableClock;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.UserLinks;
import io.helpdeskverify.verification.Verification;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/* The one-time user links on a real Redis, no Spring context. */
@ExtendWith(RedisConnection.class)
class UserLinksTest {

    final StringRedisTemplate redis;
    final MutableClock clock = new MutableClock(Instant.now());
    final UserLinks links;

    UserLinksTest(StringRedisTemplate redis) {
        this.redis = redis;
        this.links = new UserLinks(new RedisUserLinkStore(redis),
                "a test server key of at least 32 bytes".getBytes(StandardCharsets.UTF_8), new SecureRandom(), clock);
    }

    private Verification verification(String id) {
        return Verification.builder().id(id).customer("acme").endUser("jdoe")
                .technician(new Technician(Platform.SLACK, "U1", "Tina")).method(Method.SMS_CODE).state(State.SENT)
                .createdAt(clock.instant()).expiresAt(clock.instant().plusSeconds(60)).build();
    }

    @Test
    void openingDoesNotUseItUpAndTheFirstAnswerDoes() {
        String token = links.issue(verification("v-link-1"));

        assertThat(links.peek(token)).contains("v-link-1");
        assertThat(links.peek(token)).as("a scanner's GET, then the user's").contains("v-link-1");
        assertThat(links.redeem(token)).contains("v-link-1");
        assertThat(links.redeem(token)).as("reuse").isEmpty();
        assertThat(links.peek(token)).isEmpty();
    }

    @Test
    void theStoreHoldsAKeyedHashNeverTheToken() {
        String token = links.issue(verification("v-link-2"));

        var keys = redis.keys("hv:{user-link}:*");
        assertThat(keys).isNotEmpty().noneMatch(k -> k.contains(token));
        assertThat(keys.stream().map(k -> redis.opsForValue().get(k))).noneMatch(v -> v != null && v.contains(token));
        assertThat(keys.stream().filter(k -> "v-link-2".equals(String.valueOf(redis.opsForValue().get(k)).split(" ")[0])))
                .singleElement().satisfies(k -> assertThat(redis.getExpire(k)).isBetween(60L, 121L));
    }

    @Test
    void anExpiredLinkIsRefusedEvenBeforeRedisForgetsIt() {
        String token = links.issue(verification("v-link-3"));

        clock.advance(Duration.ofSeconds(60));

        assertThat(links.peek(token)).isEmpty();
        assertThat(links.redeem(token)).isEmpty();
    }

    @Test
    void anythingThatIsNotATokenIsRefusedAndAGuessOpensNothing() {
        links.issue(verification("v-link-4"));

        assertThat(links.peek("")).isEmpty();
        assertThat(links.peek("../../etc/passwd")).isEmpty();
        assertThat(links.redeem("A".repeat(24))).isEmpty();
        assertThat(links.peek(null)).isEmpty();
    }

    @Test
    void ofConcurrentAnswersExactlyOneWins() {
        String token = links.issue(verification("v-link-5"));
        List<CompletableFuture<Boolean>> presses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            presses.add(CompletableFuture.supplyAsync(() -> links.redeem(token).isPresent()));
        }
        assertThat(presses.stream().map(CompletableFuture::join).filter(b -> b).count()).isEqualTo(1);
    }
}
