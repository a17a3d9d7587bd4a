package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.TechnicianName;
import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.shared.AppProperties;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.shared.store.StoreFailures;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationChange;
import io.helpdeskverify.verification.UnsentChallenges;
import io.helpdeskverify.verification.UserLinks;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends every newly issued challenge (a new verification, or a fallback) on its channel, off the
 * request thread, and reports back: accepted → sent; failed → the next rung of the ladder at once;
 * briefly unavailable → again after a back-off, as long as the countdown leaves the user time to
 * answer, then the next rung.
 */
@Component
class ChallengeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ChallengeDispatcher.class);

    private final Senders senders;
    private final DirectoryRepository directory;
    private final VerificationService verifications;
    private final Executor executor;
    private final RetryTimer retries;
    private final DeliveryProperties settings;
    private final Clock clock;
    private final String mspName;
    private final SentConfirmations confirmations;
    private final UnsentChallenges unsent;
    private final UserLinks links;
    private final Optional<String> linkBase;
    private static final Duration STILL_SENDING_GRACE = Duration.ofSeconds(60);

    ChallengeDispatcher(Senders senders, DirectoryRepository directory, VerificationService verifications,
                        @Qualifier("deliveryExecutor") Executor executor,
                        RetryTimer retries, DeliveryProperties settings,
                        Clock clock, HelpdeskProperties props, SentConfirmations confirmations,
                        UnsentChallenges unsent, UserLinks links, AppProperties app) {
        this.senders = senders;
        this.directory = directory;
        this.verifications = verifications;
        this.executor = executor;
        this.retries = retries;
        this.settings = settings;
        this.clock = clock;
        this.mspName = props.mspName();
        this.confirmations = confirmations;
        this.unsent = unsent;
        this.links = links;
        this.linkBase = app.publicBase();
    }

    @EventListener
    void on(VerificationChange change) {
        if (change.issuedChallenge()) {
            var issued = change.verification();
            executor.execute(() -> attempt(issued, change, 1));
        }
    }

    /**
     * @param issued the verification as it was when this challenge was issued; a retry goes ahead
     *     only while the stored one still waits for this very challenge
     */
    private void attempt(Verification issued, VerificationChange change, int attempt) {
        String id = issued.id();
        SendOutcome outcome;
        try {
            if (attempt > 1 && !stillWaiting(issued)) {
                return;
            }
            var user = directory.endUser(issued.customer(), issued.endUser());
            if (user.isEmpty()) {
                verifications.deliveryFailed(id, "the end user is no longer in the directory");
                return;
            }
            Channel channel = issued.method().channel();
            var sender = senders.forChannel(channel);
            if (sender.isEmpty()) {
                verifications.fallBack(id, "not configured on this installation");
                return;
            }
            // Read devices on every attempt: a token FCM declared dead a moment ago must not be tried again.
            List<Device> devices = channel == Channel.PUSH
                    ? directory.devices(issued.customer(), issued.endUser()).stream().filter(Device::canReceivePush).toList()
                    : List.of();
            var challenge = new Challenge(id, issued.challengeId(), issued.method(), user.get(), devices, mspName,
                    TechnicianName.forEndUser(issued.technician().name()), change.newCode(), issued.expiresAt(),
                    issued.reverse(), channel == Channel.PUSH ? Optional.empty() : link(issued));
            outcome = sender.get().send(challenge);
        } catch (RuntimeException e) {
            if (StoreFailures.isOutage(e)) {
                // Nothing was sent (the store failed before the provider was asked): try this rung again.
                later(issued, change, attempt, "the data store is unavailable");
            } else {
                log.error("Delivery of verification {} failed unexpectedly", id, e);
                fallBackQuietly(id, "unexpected error in the sender");
            }
            return;
        }
        report(issued, change, attempt, outcome);
    }

    /* A fresh one-time link per message: the answer a reverse check needs, "I did not ask for this" for a code. */
    private Optional<String> link(Verification issued) {
        return linkBase.map(base -> base + UserLinks.PATH + links.issue(issued));
    }

    private void report(Verification issued, VerificationChange change, int attempt, SendOutcome outcome) {
        Channel channel = issued.method().channel();
        if (outcome instanceof SendOutcome.Accepted accepted) {
            // Sent is sent: from here on only the record of it may be retried, never the send or the ladder.
            confirmations.confirm(new SentConfirmations.Receipt(issued.id(), channel, accepted.detail(),
                    clock.instant(), issued.expiresAt()));
            return;
        }
        try {
            if (outcome instanceof SendOutcome.Failed failed) {
                verifications.fallBack(issued.id(), failed.reason());
            } else {
                later(issued, change, attempt, ((SendOutcome.RetryLater) outcome).reason());
            }
        } catch (RuntimeException e) {
            if (StoreFailures.isOutage(e)) {
                // This rung failed and the store is away: the attempt is made again, and so is its fallback.
                later(issued, change, attempt, "the data store is unavailable");
            } else {
                log.error("Verification {}: recording the delivery outcome failed", issued.id(), e);
            }
        }
    }

    private void fallBackQuietly(String id, String why) {
        try {
            verifications.fallBack(id, why);
        } catch (RuntimeException e) {
            log.warn("Verification {}: could not fall back ({}); the expiry will end it", id, e.toString());
        }
    }

    /** Tries this rung again after a back-off while the countdown leaves the user time, else moves down the ladder. */
    private void later(Verification issued, VerificationChange change, int attempt, String reason) {
        Channel channel = issued.method().channel();
        Duration wait = settings.backoff(attempt);
        var at = clock.instant().plus(wait);
        if (at.plus(settings.minTimeLeft()).isAfter(issued.expiresAt())) {
            log.info("Verification {}: {} still unavailable after {} attempt(s), moving down the ladder",
                    issued.id(), channel, attempt);
            fallBackQuietly(issued.id(), reason + ", " + attempt + " attempt(s)");
            return;
        }
        log.info("Verification {}: {} unavailable ({}), retry {} in {} ms", issued.id(), channel, reason,
                attempt + 1, wait.toMillis());
        try {
            // Still ours: no other instance may move it on while this one waits to try again.
            unsent.stillSending(issued.id(), at.plus(STILL_SENDING_GRACE));
        } catch (RuntimeException e) {
            log.debug("Verification {}: could not extend its unsent record: {}", issued.id(), e.toString());
        }
        retries.at(at, () -> executor.execute(() -> attempt(issued, change, attempt + 1)));
    }

    /** The challenge is still the current one: not answered, cancelled, expired or replaced by a fallback. */
    private boolean stillWaiting(Verification issued) {
        return verifications.find(issued.id())
                .filter(v -> v.state() == State.PENDING && v.method() == issued.method()
                        && v.expiresAt().equals(issued.expiresAt()))
                .isPresent();
    }
}
