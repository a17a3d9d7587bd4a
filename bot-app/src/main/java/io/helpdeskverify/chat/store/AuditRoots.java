package io.helpdeskverify.chat.store;

import io.helpdeskverify.chat.core.ConversationRef;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The id of each conversation's audit thread root per UTC day, and the claim that lets exactly one
 * caller on one instance post it (SET NX): {@code chat.cards.AuditThreads} decides what to do with
 * the answers.
 */
@Component
public class AuditRoots {

    private static final String CLAIMED = "claimed:";
    /* A claim outlives any sane post; if its holder died, the claim lapses and the next caller posts. */
    private static final Duration CLAIM_TTL = Duration.ofSeconds(30);
    /* The root must outlive the day in every time zone: replies late on the day still find it. */
    private static final Duration ROOT_TTL = Duration.ofDays(2);

    /** What {@link #claim} found. */
    public sealed interface Claim permits Mine, Posted, Taken {}

    /** This caller holds the day: post the root, then {@link #posted} or {@link #release}. */
    public record Mine(String key, String token) implements Claim {}

    /** The root is posted already. */
    public record Posted(String rootId) implements Claim {}

    /** Someone else is posting it right now. */
    public record Taken() implements Claim {}

    private final StringRedisTemplate redis;

    public AuditRoots(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public Claim claim(ConversationRef where, LocalDate utcDay) {
        String key = "hv:chat:audit-root:" + where.platform() + ":" + where.workspace() + ":" + where.conversationId()
                + ":" + utcDay;
        String token = CLAIMED + UUID.randomUUID();
        if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, CLAIM_TTL))) {
            return new Mine(key, token);
        }
        return Optional.ofNullable(redis.opsForValue().get(key)).filter(v -> !v.startsWith(CLAIMED))
                .<Claim>map(Posted::new).orElseGet(Taken::new);
    }

    public void posted(Mine claim, String rootId) {
        redis.opsForValue().set(claim.key(), rootId, ROOT_TTL);
    }

    /** The post failed: let the next caller try rather than leave everyone waiting for a root that never comes. */
    public void release(Mine claim) {
        if (claim.token().equals(redis.opsForValue().get(claim.key()))) {
            redis.delete(claim.key());
        }
    }
}
