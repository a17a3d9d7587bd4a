package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.ThreadRef;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One audit thread root per conversation per UTC day, posted exactly once however many
 * verifications start at the same moment on however many instances: the first to claim the day's
 * key in Redis (SET NX) posts the root and stores its id; the others wait for that id.
 */
@Component
public class AuditThreads {

    private static final String CLAIMED = "claimed:";
    /* A claim outlives any sane post; if its holder died, the claim lapses and the next caller posts. */
    private static final Duration CLAIM_TTL = Duration.ofSeconds(30);
    /* The root must outlive the day in every time zone: replies late on the day still find it. */
    private static final Duration ROOT_TTL = Duration.ofDays(2);
    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration wait;

    public AuditThreads(StringRedisTemplate redis, Clock clock, ChatProperties props) {
        this.redis = redis;
        this.clock = clock;
        this.wait = props.auditRootWait();
    }

    /** Posts the reply in today's thread of that conversation, creating the thread if needed. */
    public void reply(ChatPlatform platform, ConversationRef where, io.helpdeskverify.cards.AuditEntry entry) {
        platform.replyInAuditThread(root(platform, where), entry);
    }

    ThreadRef root(ChatPlatform platform, ConversationRef where) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String key = "hv:chat:audit-root:" + where.platform() + ":" + where.workspace() + ":" + where.conversationId()
                + ":" + day;
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String claim = CLAIMED + UUID.randomUUID();
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, claim, CLAIM_TTL))) {
                return post(platform, where, day, key, claim);
            }
            Optional<String> rootId = Optional.ofNullable(redis.opsForValue().get(key)).filter(v -> !v.startsWith(CLAIMED));
            if (rootId.isPresent()) {
                return new ThreadRef(where, rootId.get());
            }
            if (System.nanoTime() > deadline) {
                throw new ChatPlatformException("the audit thread root of " + day + " was not posted in time", "");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private ThreadRef post(ChatPlatform platform, ConversationRef where, LocalDate day, String key, String claim) {
        try {
            String rootId = platform.postAuditRoot(where, day);
            redis.opsForValue().set(key, rootId, ROOT_TTL);
            return new ThreadRef(where, rootId);
        } catch (RuntimeException e) {
            // Let the next caller try rather than leave everyone waiting for a root that never comes.
            if (claim.equals(redis.opsForValue().get(key))) {
                redis.delete(key);
            }
            throw e;
        }
    }
}
