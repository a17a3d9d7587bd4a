package io.helpdeskverify.delivery;

import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.system.HelpdeskProperties;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.VerificationChange;
import io.helpdeskverify.verification.VerificationService;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends every newly issued challenge (a new verification, or a fallback) on its channel, off the
 * request thread, and reports back: accepted → sent; failed → the next rung of the ladder.
 */
@Component
class ChallengeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ChallengeDispatcher.class);

    private final Senders senders;
    private final DirectoryRepository directory;
    private final VerificationService verifications;
    private final Executor executor;
    private final String mspName;

    ChallengeDispatcher(Senders senders, DirectoryRepository directory, VerificationService verifications,
                        @Qualifier("deliveryExecutor") Executor executor, HelpdeskProperties props) {
        this.senders = senders;
        this.directory = directory;
        this.verifications = verifications;
        this.executor = executor;
        this.mspName = props.mspName();
    }

    @EventListener
    void on(VerificationChange change) {
        if (change.issuedChallenge()) {
            executor.execute(() -> send(change));
        }
    }

    private void send(VerificationChange change) {
        var v = change.verification();
        try {
            var user = directory.endUser(v.customer(), v.endUser());
            if (user.isEmpty()) {
                verifications.deliveryFailed(v.id(), "the end user is no longer in the directory");
                return;
            }
            Channel channel = v.method().channel();
            var sender = senders.forChannel(channel);
            if (sender.isEmpty()) {
                verifications.fallBack(v.id(), "not configured on this installation");
                return;
            }
            List<Device> devices = channel == Channel.PUSH
                    ? directory.devices(v.customer(), v.endUser()).stream().filter(Device::canReceivePush).toList()
                    : List.of();
            var challenge = new Challenge(v.id(), v.challengeId(), v.method(), user.get(), devices, mspName,
                    v.technician().name(), change.newCode(), v.expiresAt());
            var outcome = sender.get().send(challenge);
            if (outcome instanceof SendOutcome.Accepted accepted) {
                verifications.markSent(v.id(), channel, accepted.detail());
            } else {
                verifications.fallBack(v.id(), ((SendOutcome.Failed) outcome).reason());
            }
        } catch (RuntimeException e) {
            log.error("Delivery of verification {} failed unexpectedly", v.id(), e);
            verifications.fallBack(v.id(), "unexpected error in the sender");
        }
    }
}
