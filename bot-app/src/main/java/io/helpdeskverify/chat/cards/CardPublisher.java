package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.store.TechnicianCodeVault;
import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.Recipient;

import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.store.AuditOutbox;
import io.helpdeskverify.chat.store.SentCards;

import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.chat.store.UpdateBudget.Priority;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.verification.Codes;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationChange;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every card of a verification in step with it, wherever the change happened: updates the
 * cards through their platform's budget, shows a fallback's new code to the requesting technician,
 * and writes outcomes and fallbacks into the day's audit thread of each card's conversation.
 */
@Component
public class CardPublisher {

    private static final Logger log = LoggerFactory.getLogger(CardPublisher.class);

    private final ChatPlatforms platforms;
    private final SentCards bindings;
    private final CardUpdater updater;
    private final CardViewMapper mapper;
    private final AuditThreads auditThreads;
    private final TechnicianCodeVault vault;
    private final TechnicianCodes codes;
    private final CountdownTicker ticker;
    private final VerificationService verifications;
    private final OutcomeDelivery outcomes;
    private final AuditOutbox outbox;
    private final Executor executor;
    private final Clock clock;

    CardPublisher(ChatPlatforms platforms, SentCards bindings, CardUpdater updater, CardViewMapper mapper,
                  AuditThreads auditThreads, TechnicianCodeVault vault, TechnicianCodes codes, CountdownTicker ticker,
                  VerificationService verifications, OutcomeDelivery outcomes, AuditOutbox outbox,
                  @Qualifier("chatExecutor") Executor executor, Clock clock) {
        this.outbox = outbox;
        this.platforms = platforms;
        this.bindings = bindings;
        this.updater = updater;
        this.mapper = mapper;
        this.auditThreads = auditThreads;
        this.vault = vault;
        this.codes = codes;
        this.ticker = ticker;
        this.verifications = verifications;
        this.outcomes = outcomes;
        this.executor = executor;
        this.clock = clock;
    }

    @EventListener
    void on(VerificationChange change) {
        Verification v = change.verification();
        if (v.technician().platform() == Platform.API) {
            return;
        }
        // Synchronously, so the vault never holds a code past the end of its verification.
        change.newCode().ifPresent(code -> vault.seal(v.id(), code, validity(v)));
        if (v.isFinal()) {
            vault.discard(v.id());
            ticker.untrack(v.id());
        }
        executor.execute(() -> publish(change));
    }

    /**
     * Called once the card is posted: from now on changes reach it. Whatever happened between the
     * start and now (the challenge was sent, a fallback issued a new code) is caught up here.
     */
    public void attach(Verification started, Optional<String> code, CardRef card, Recipient technician,
                       ChatPlatform platform) {
        bindings.bindTechnician(started.id(), technician);
        bindings.bindCard(started.id(), card);
        ticker.track(started.id());
        code.ifPresent(c -> codes.tell(platform, technician, started, c));
        if (!started.requestedMethod().equals(started.method())) {
            var view = mapper.view(started);
            auditOnce(started.id(), started.version(), 0, List.of(card), AuditEntries.entry(view,
                    started.createdAt(), "Fallback used", AuditEntries.fallbackDetail(started)));
        }
        var now = verifications.find(started.id());
        if (now.isEmpty()) {
            return;
        }
        if (now.get().version() != started.version()) {
            updater.request(started.id(), card, Priority.STATE);
        }
        if (now.get().isFinal()) {
            ticker.untrack(started.id());
        } else if (now.get().method() != started.method()) {
            codes.tellAgain(platform, technician.withoutReplyUrl(), now.get());
        }
    }

    /**
     * The outcome's audit reply, posted once across instances: by whoever claims it first, here or in
     * {@link OutcomeSweeper}. A reply that fails leaves the claim free, and the store's record of the
     * unshown outcome brings it back.
     */
    void auditOutcome(Verification v, List<CardRef> cards, AuditEntry entry) {
        if (!bindings.claimOutcomeAudit(v.id(), clock.instant())) {
            return;
        }
        var conversations = new LinkedHashSet<ConversationRef>();
        cards.forEach(c -> conversations.add(c.conversation()));
        try {
            for (var where : conversations) {
                platforms.of(where.platform()).ifPresent(p -> auditThreads.reply(p, where, entry));
            }
        } catch (RuntimeException e) {
            bindings.outcomeAuditFailed(v.id());
            log.warn("Outcome audit reply of verification {} not posted, will retry: {}", v.id(), e.toString());
            return;
        }
        bindings.outcomeAudited(v.id());
        outcomes.check(v);
    }

    /**
     * An audit reply of a verification's step, posted once per conversation across instances: it is
     * written to the {@link AuditOutbox} first (only once per change version and event), then posted;
     * a post that fails, or an instance that dies before posting, leaves it to {@link AuditSweeper}.
     */
    void auditOnce(String verificationId, long version, int index, List<CardRef> cards, AuditEntry entry) {
        var conversations = new LinkedHashSet<ConversationRef>();
        cards.forEach(c -> conversations.add(c.conversation()));
        for (var where : conversations) {
            try {
                if (!outbox.claim(verificationId, version, index, where, entry, clock.instant().plus(AuditSweeper.GRACE))) {
                    continue;
                }
            } catch (RuntimeException e) {
                // Redis away: the reply cannot be kept, post it from memory as before rather than lose it.
                log.warn("Audit reply '{}' of verification {} not stored: {}", entry.kind(), verificationId, e.toString());
                audit(where, entry);
                continue;
            }
            var platform = platforms.of(where.platform());
            if (platform.isEmpty()) {
                continue;
            }
            try {
                auditThreads.reply(platform.get(), where, entry);
                outbox.posted(verificationId, AuditOutbox.field(version, index, where));
            } catch (RuntimeException e) {
                log.warn("Audit reply '{}' of verification {} not posted in {}, will retry: {}", entry.kind(),
                        verificationId, where.conversationId(), e.toString());
            }
        }
    }

    io.helpdeskverify.cards.VerificationCardView view(Verification v) {
        return mapper.view(v);
    }

    /** An audit reply in the thread of every conversation that holds one of these cards. */
    public void audit(List<CardRef> cards, AuditEntry entry) {
        var conversations = new LinkedHashSet<ConversationRef>();
        cards.forEach(c -> conversations.add(c.conversation()));
        conversations.forEach(where -> audit(where, entry));
    }

    /** An audit reply in today's thread of this conversation; a failure is logged, never thrown. */
    public void audit(ConversationRef where, AuditEntry entry) {
        platforms.of(where.platform()).ifPresent(p -> {
            try {
                auditThreads.reply(p, where, entry);
            } catch (RuntimeException e) {
                log.warn("Audit reply '{}' not posted in {}: {}", entry.kind(), where.conversationId(), e.toString());
            }
        });
    }

    private void publish(VerificationChange change) {
        Verification v = change.verification();
        try {
            List<CardRef> cards = bindings.cards(v.id());
            if (cards.isEmpty()) {
                return;
            }
            cards.forEach(card -> updater.request(v.id(), card, Priority.STATE));
            boolean fallback = change.events().stream().anyMatch(e -> e.type() == EventType.FALLBACK_USED);
            if (fallback && change.newCode().isPresent()) {
                var technician = bindings.technician(v.id());
                var platform = platforms.of(v.technician().platform());
                if (technician.isPresent() && platform.isPresent()) {
                    codes.tell(platform.get(), technician.get(), v, change.newCode().get());
                }
            }
            var view = mapper.view(v);
            var events = change.events();
            for (int i = 0; i < events.size(); i++) {
                var e = events.get(i);
                int index = i + 1;
                AuditEntries.of(v, view, e).ifPresent(entry -> {
                    if (AuditEntries.isOutcome(e)) {
                        auditOutcome(v, cards, entry);
                    } else {
                        auditOnce(v.id(), v.version(), index, cards, entry);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.error("Publishing the change of verification {} failed", v.id(), e);
        }
    }


    private Duration validity(Verification v) {
        return v.code().map(d -> Duration.between(clock.instant(), d.expiresAt()))
                .orElse(Codes.MAX_VALIDITY);
    }
}
