package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.store.UpdateBudget;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.UpdateResult;

import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.store.SentCards;

import io.helpdeskverify.chat.store.UpdateBudget.Priority;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings cards up to date within their platform's budget. Requests for the same card coalesce
 * (the card is rendered from the verification as it is when the update is sent, so the latest
 * state wins); state changes go before countdown ticks; a tick that would have to wait is dropped,
 * and so is every tick of a scope where a state change is waiting; a {@code 429 Retry-After}
 * pauses the scope on every instance. Several cards are sent at once (each update is a blocking
 * HTTP call); one card never has two updates in flight, and the budget counts a slot from the
 * platform's answer, so parallel sends stay within every window.
 *
 * <p>The queue is per instance: the instance that made a change updates its cards, and records in
 * Redis which version each card shows. If it dies with updates queued, the next countdown tick
 * (claimed by any instance) repaints a pending card, and a final state that was not painted is
 * repainted by {@link OutcomeSweeper} on whichever instance claims it.
 */
@Component
public class CardUpdater implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CardUpdater.class);
    private static final Duration IDLE_WAKEUP = Duration.ofMillis(250);
    /* Updates are blocking HTTP calls that mostly wait on the platform: with 16 senders, card updates
       queued about 250 ms deep at 180 verifications/s (docs/performance.md). The budget counts sends
       in flight, so more senders cannot overrun a platform's window. */
    private static final int SENDERS = 48;

    private final ChatPlatforms platforms;
    private final VerificationService verifications;
    private final CardViewMapper mapper;
    private final SentCards bindings;
    private final OutcomeDelivery outcomes;
    private final UpdateBudget budget;
    private final Clock clock;
    private final int maxRetries;
    private final Duration handOver;
    private final Map<CardRef, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Instant> pausedScopes = new ConcurrentHashMap<>();
    private final Set<CardRef> inFlight = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong sequence = new AtomicLong();
    private volatile Thread worker;
    private volatile ExecutorService senders;
    private volatile boolean running;

    public CardUpdater(ChatPlatforms platforms, VerificationService verifications, CardViewMapper mapper,
                       SentCards bindings, OutcomeDelivery outcomes, UpdateBudget budget, Clock clock,
                       ChatProperties props) {
        this.platforms = platforms;
        this.verifications = verifications;
        this.mapper = mapper;
        this.bindings = bindings;
        this.outcomes = outcomes;
        this.budget = budget;
        this.clock = clock;
        this.maxRetries = props.updateRetries();
        this.handOver = props.handOver();
    }

    /** Asks for the card to show the verification's current state. */
    public void request(String verificationId, CardRef card, Priority priority) {
        enqueue(new Pending(card, verificationId, priority, sequence.incrementAndGet(), Instant.EPOCH, 0));
    }

    private void enqueue(Pending next) {
        // A waiting state change absorbs later requests (it renders the latest state anyway); a tick
        // never replaces it, and a state change replaces a tick.
        pending.merge(next.card(), next, (old, neu) -> old.priority() == Priority.STATE
                ? old.withNotBefore(later(old.notBefore(), neu.notBefore())) : neu);
        wakeUp.release();
    }

    /** One round: every due request, state changes first, goes to a sender unless it must wait. */
    private void drain() {
        Instant now = clock.instant();
        Set<String> scopesWithState = scopesWithStateChanges();
        for (Pending p : dueInOrder(now)) {
            // Still sending this card's previous update: this one waits for the next round.
            if (inFlight.contains(p.card()) || !pending.remove(p.card(), p)) {
                continue;
            }
            platforms.of(p.card().conversation().platform()).ifPresent(platform -> dispatch(p, platform, now, scopesWithState));
        }
    }

    /* Ticks of these scopes are dropped this round: a waiting state change needs their slots. */
    private Set<String> scopesWithStateChanges() {
        Set<String> scopes = new HashSet<>();
        for (Pending p : pending.values()) {
            if (p.priority() == Priority.STATE) {
                platforms.of(p.card().conversation().platform()).ifPresent(pl -> scopes.add(pl.budgetScope(p.card())));
            }
        }
        return scopes;
    }

    private List<Pending> dueInOrder(Instant now) {
        return pending.values().stream().filter(p -> !p.notBefore().isAfter(now))
                .sorted(Comparator.comparing(Pending::priority).thenComparingLong(Pending::sequence)).toList();
    }

    private void dispatch(Pending p, ChatPlatform platform, Instant now, Set<String> scopesWithState) {
        String scope = platform.budgetScope(p.card());
        if (p.priority() == Priority.TICK && scopesWithState.contains(scope)) {
            return;
        }
        Instant paused = pausedScopes.getOrDefault(scope, Instant.EPOCH);
        if (paused.isAfter(now)) {
            waitFor(p, scope, Duration.between(now, paused));
            return;
        }
        inFlight.add(p.card());
        // The budget's Redis round trip happens on the sender too: done here, one at a time, it
        // queued every card update of a busy instance behind the others (docs/performance.md).
        senders.execute(() -> spendAndSend(p, platform, scope));
    }

    /* On a sender thread: one slot of the scope's budget, the update, and the slot reported answered. */
    private void spendAndSend(Pending p, ChatPlatform platform, String scope) {
        UpdateBudget.Granted slot = null;
        try {
            UpdateBudget.Spend spend = budget.tryAcquire(scope, platform.updateLimits(), p.priority());
            if (spend instanceof UpdateBudget.Wait wait) {
                waitFor(p, scope, wait.duration());
                return;
            }
            slot = (UpdateBudget.Granted) spend;
            send(p, platform, scope);
        } catch (RuntimeException e) {
            log.warn("Card update of verification {} failed: {}", p.verificationId(), e.toString());
            if (slot == null && p.priority() == Priority.STATE) {
                // Redis away before a slot was spent: the state change must still be shown.
                enqueue(p.withNotBefore(clock.instant().plus(IDLE_WAKEUP)));
            }
        } finally {
            if (slot != null) {
                budget.sent(slot);
            }
            inFlight.remove(p.card());
            wakeUp.release();
        }
    }

    /* No slot in this scope for {@code wait}: a state change waits and pauses the scope; a tick is dropped. */
    private void waitFor(Pending p, String scope, Duration wait) {
        if (p.priority() == Priority.STATE) {
            Instant until = clock.instant().plus(wait);
            pausedScopes.merge(scope, until, CardUpdater::later);
            enqueue(p.withNotBefore(until));
        }
    }

    private void send(Pending p, ChatPlatform platform, String scope) {
        Optional<Verification> current = verifications.find(p.verificationId());
        if (current.isEmpty() || (p.priority() == Priority.TICK && current.get().isFinal())) {
            return;
        }
        UpdateResult result;
        try {
            result = platform.updateCard(p.card(), mapper.view(current.get()));
        } catch (RuntimeException e) {
            result = new UpdateResult.Failed(e.toString());
        }
        Instant now = clock.instant();
        if (result instanceof UpdateResult.Updated) {
            bindings.painted(p.verificationId(), p.card(), current.get().version());
            // Another instance may have changed it while this update was on its way.
            if (verifications.find(p.verificationId()).map(Verification::version).orElse(current.get().version())
                    != current.get().version()) {
                request(p.verificationId(), p.card(), Priority.STATE);
            } else {
                outcomes.check(current.get());
            }
        } else if (result instanceof UpdateResult.RetryAfter retry) {
            budget.block(scope, retry.delay());
            log.info("Card updates in {} paused for {} (429 Retry-After)", scope, retry.delay());
            waitFor(p, scope, retry.delay());
        } else if (result instanceof UpdateResult.Gone gone) {
            log.info("Card of verification {} is gone ({}); no more updates to it", p.verificationId(), gone.reason());
            bindings.forgetCard(p.verificationId(), p.card());
            outcomes.check(current.get());
        } else if (result instanceof UpdateResult.Failed failed && p.priority() == Priority.STATE) {
            if (p.attempts() < maxRetries) {
                enqueue(new Pending(p.card(), p.verificationId(), Priority.STATE, p.sequence(),
                        now.plus(Duration.ofSeconds(1L << p.attempts())), p.attempts() + 1));
            } else {
                log.warn("Card of verification {} not updated after {} attempts: {}", p.verificationId(),
                        p.attempts() + 1, failed.reason());
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(nextWakeUp().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Redis away for a moment: the queue stays, the next round retries.
                log.warn("Card update round failed, will retry: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private Duration nextWakeUp() {
        Instant now = clock.instant();
        return pending.values().stream().filter(p -> !inFlight.contains(p.card())).map(Pending::notBefore)
                .min(Comparator.naturalOrder())
                .map(t -> t.isAfter(now) ? Duration.between(now, t) : Duration.ZERO)
                .filter(d -> d.compareTo(IDLE_WAKEUP) < 0).orElse(IDLE_WAKEUP);
    }

    private void sleepQuietly() {
        try {
            TimeUnit.MILLISECONDS.sleep(IDLE_WAKEUP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public void start() {
        running = true;
        var threads = new AtomicLong();
        senders = Executors.newFixedThreadPool(SENDERS, r -> {
            var t = new Thread(r, "card-update-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        worker = new Thread(this::loop, "card-updater");
        worker.setDaemon(true);
        worker.start();
    }

    /*
     * Stops after the web server (DEFAULT_PHASE - 2048: no request adds work any more) and before Redis's
     * connection factory (phase 0), so that what this instance holds can still be sent.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /**
     * On SIGTERM, the card state changes this instance holds are sent before it goes, for up to
     * {@code HELPDESK_CHAT_HAND_OVER}. Whatever is still waiting then (a scope paused longer by a 429) is
     * in Redis for the others: any instance's countdown tick repaints a pending card and its
     * {@link OutcomeSweeper} a final one.
     */
    @Override
    public void stop() {
        long deadline = System.nanoTime() + handOver.toNanos();
        while (running && holdsStateChanges(clock.instant().plus(handOver)) && System.nanoTime() < deadline) {
            wakeUp.release();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
        ExecutorService s = senders;
        if (s != null) {
            s.shutdown();
        }
    }

    private boolean holdsStateChanges(Instant horizon) {
        return !inFlight.isEmpty() || pending.values().stream()
                .anyMatch(p -> p.priority() == Priority.STATE && !p.notBefore().isAfter(horizon));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(CardRef card, String verificationId, Priority priority, long sequence, Instant notBefore,
                           int attempts) {
        Pending withNotBefore(Instant t) {
            return new Pending(card, verificationId, priority, sequence, t, attempts);
        }
    }
}
