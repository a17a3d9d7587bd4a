package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The audit replies of steps other than the outcome (here a fallback) are not lost with a failed post
 * or with the instance that made the change: they wait in Redis and a sweep, on any instance, posts
 * each once. Real service and stores on a real Redis; a second {@link ChatWorld} on the same Redis
 * plays the other instance.
 */
@ExtendWith(RedisConnection.class)
class AuditOutboxTest {

    final StringRedisTemplate redis;
    final ChatWorld world;
    final Technician tina;
    ChatWorld other;
    Verification started;
    CardRef card;

    AuditOutboxTest(StringRedisTemplate redis) {
        this.redis = redis;
        world = new ChatWorld(redis);
        tina = world.slackTechnician("U0TINA", "Tina");
    }

    @BeforeEach
    void startAndSend() {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");
        world.flow.handle(world.slackRequest(tina, "verify jdoe@" + acme + " --sms"));
        started = world.changes.get(0).verification();
        card = world.slack.posted.get(0).ref();
        world.verifications.markSent(started.id(), Channel.SMS, "queued");
    }

    @AfterEach
    void close() {
        world.close();
        if (other != null) {
            other.close();
        }
    }

    private static List<RecordingChatPlatform.AuditReply> fallbacks(RecordingChatPlatform platform, CardRef card) {
        return platform.auditReplies.stream().filter(r -> r.thread().conversation().equals(card.conversation()))
                .filter(r -> r.entry().kind().equals("Fallback used")).toList();
    }

    @Test
    void aFallbackReplyWhosePostFailedIsPostedByTheNextSweepOnce() {
        world.slack.failing(RecordingChatPlatform.Call.REPLY_IN_AUDIT_THREAD, "slack down", "");
        world.verifications.fallBack(started.id(), "sms undeliverable");
        assertThat(fallbacks(world.slack, card)).as("the post failed").isEmpty();
        world.slack.healed(RecordingChatPlatform.Call.REPLY_IN_AUDIT_THREAD);

        world.cards.sweepAuditReplies();
        assertThat(fallbacks(world.slack, card)).as("not before the instance's grace ran out").isEmpty();

        world.clock.advance(Duration.ofSeconds(11));
        world.cards.sweepAuditReplies();
        assertThat(fallbacks(world.slack, card)).singleElement()
                .satisfies(r -> assertThat(r.entry().detail()).contains("sms undeliverable"));

        world.clock.advance(Duration.ofMinutes(1));
        world.cards.sweepAuditReplies();
        assertThat(fallbacks(world.slack, card)).as("once").hasSize(1);
    }

    @Test
    void aFallbackReplyPostedAtOnceIsNotPostedAgainBySweeps() {
        world.verifications.fallBack(started.id(), "sms undeliverable");
        assertThat(fallbacks(world.slack, card)).hasSize(1);

        world.clock.advance(Duration.ofSeconds(11));
        world.cards.sweepAuditReplies();
        assertThat(fallbacks(world.slack, card)).hasSize(1);
    }

    @Test
    void aFallbackReplyLeftByAnInstanceThatWentAwayIsPostedByTheOtherOnce() {
        // This instance stores the fallback and claims its reply, but goes away before it is posted.
        world.slack.failing(RecordingChatPlatform.Call.REPLY_IN_AUDIT_THREAD, "instance gone", "");
        world.verifications.fallBack(started.id(), "sms undeliverable");
        world.close();

        other = new ChatWorld(redis);
        other.clock.advance(Duration.ofSeconds(11));
        other.cards.sweepAuditReplies();
        assertThat(fallbacks(other.slack, card)).singleElement()
                .satisfies(r -> assertThat(r.entry().detail()).contains("sms undeliverable"));

        other.clock.advance(Duration.ofMinutes(1));
        other.cards.sweepAuditReplies();
        assertThat(fallbacks(other.slack, card)).as("once").hasSize(1);
        assertThat(fallbacks(world.slack, card)).isEmpty();
    }
}
