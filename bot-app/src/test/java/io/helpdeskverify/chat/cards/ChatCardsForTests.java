package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.store.TechnicianCodeVault;
import io.helpdeskverify.chat.store.AuditRoots;
import io.helpdeskverify.chat.store.CountdownSchedule;
import io.helpdeskverify.chat.store.UpdateBudget;
import io.helpdeskverify.chat.core.AccessGuard;
import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.store.AuditOutbox;
import io.helpdeskverify.chat.store.SentCards;
import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.verification.VerificationChange;
import io.helpdeskverify.verification.VerificationService;
import io.helpdeskverify.verification.store.RedisUnpublishedOutcomes;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Test code only: the real card stack of this package (publisher, updater, ticker, vault, audit
 * threads, budget) wired by hand, as Spring wires it in production. {@link #listener()} is what the
 * {@code @EventListener} on {@link CardPublisher} hears in production; a test's {@code ChangePublisher}
 * hands every change to it.
 */
public final class ChatCardsForTests {

    private final CardPublisher publisher;
    private final CardUpdater updater;
    private final CardViewMapper mapper;
    private final TechnicianCodes codes;
    private final TechnicianCodeVault vault;
    private final AuditSweeper auditSweeper;

    /**
     * @param executor where {@link CardPublisher} publishes a change (production: the chat pool); a
     *     test passes {@code Runnable::run} to have it happen before the call that made the change returns
     */
    public ChatCardsForTests(StringRedisTemplate redis, ChatPlatforms platforms, SentCards bindings, AuditOutbox outbox,
                             CardViewMapper mapper, VerificationService verifications, AccessGuard guard,
                             ServerKeys keys, SecureRandom random, Executor executor, Clock clock,
                             ChatProperties props) {
        this.mapper = mapper;
        this.vault = new TechnicianCodeVault(redis, keys, random);
        this.codes = new TechnicianCodes(vault, mapper, guard);
        var outcomes = new OutcomeDelivery(bindings, new RedisUnpublishedOutcomes(redis));
        this.updater = new CardUpdater(platforms, verifications, mapper, bindings, outcomes, new UpdateBudget(redis, clock),
                clock, props);
        var ticker = new CountdownTicker(new CountdownSchedule(redis, clock), verifications, bindings, updater, props);
        var threads = new AuditThreads(new AuditRoots(redis), clock, props);
        this.publisher = new CardPublisher(platforms, bindings, updater, mapper, threads,
                vault, codes, ticker, verifications, outcomes, outbox, executor, clock);
        this.auditSweeper = new AuditSweeper(outbox, platforms, threads, clock);
    }

    /** One round of the audit reply sweep, as the schedule runs it on every instance. */
    public void sweepAuditReplies() {
        auditSweeper.sweep();
    }

    public CardPublisher publisher() {
        return publisher;
    }

    /** Not started: a test that wants cards repainted calls {@code updater().start()} (and stops it). */
    public CardUpdater updater() {
        return updater;
    }

    public CardViewMapper mapper() {
        return mapper;
    }

    public TechnicianCodes codes() {
        return codes;
    }

    public TechnicianCodeVault vault() {
        return vault;
    }

    public Consumer<VerificationChange> listener() {
        return publisher::on;
    }
}
