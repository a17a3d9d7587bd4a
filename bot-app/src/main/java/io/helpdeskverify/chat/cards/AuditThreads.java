package io.helpdeskverify.chat.cards;

import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.ThreadRef;
import io.helpdeskverify.chat.store.AuditRoots;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/**
 * One audit thread root per conversation per UTC day, posted exactly once however many
 * verifications start at the same moment on however many instances: the first to claim the day
 * ({@link AuditRoots}) posts the root and stores its id; the others wait for that id.
 */
@Component
public class AuditThreads {

    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private final AuditRoots roots;
    private final Clock clock;
    private final Duration wait;

    public AuditThreads(AuditRoots roots, Clock clock, ChatProperties props) {
        this.roots = roots;
        this.clock = clock;
        this.wait = props.auditRootWait();
    }

    /** Posts the reply in today's thread of that conversation, creating the thread if needed. */
    public void reply(ChatPlatform platform, ConversationRef where, AuditEntry entry) {
        platform.replyInAuditThread(root(platform, where), entry);
    }

    ThreadRef root(ChatPlatform platform, ConversationRef where) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            AuditRoots.Claim claim = roots.claim(where, day);
            if (claim instanceof AuditRoots.Mine mine) {
                return post(platform, where, day, mine);
            }
            if (claim instanceof AuditRoots.Posted posted) {
                return new ThreadRef(where, posted.rootId());
            }
            if (System.nanoTime() > deadline) {
                throw new ChatPlatformException("the audit thread root of " + day + " was not posted in time", "");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private ThreadRef post(ChatPlatform platform, ConversationRef where, LocalDate day, AuditRoots.Mine claim) {
        try {
            String rootId = platform.postAuditRoot(where, day);
            roots.posted(claim, rootId);
            return new ThreadRef(where, rootId);
        } catch (RuntimeException e) {
            roots.release(claim);
            throw e;
        }
    }
}
