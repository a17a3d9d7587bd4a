package io.helpdeskverify.delivery;

import io.helpdeskverify.directory.DeviceEnrolled;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.verification.Channel;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells an end user that a phone was enrolled, on a contact other than that phone (email if they
 * have one, else SMS): someone who enrolled a phone with a stolen token must not be the only one
 * to hear of it. Sent off the request thread, once; a failure is logged (never with the contact)
 * and leaves the enrolment as it is.
 */
@Component
class NewPhoneNotices {

    private static final Logger log = LoggerFactory.getLogger(NewPhoneNotices.class);

    private final Senders senders;
    private final ChallengeTexts texts;
    private final Executor executor;
    private final String mspName;

    NewPhoneNotices(Senders senders, ChallengeTexts texts, @Qualifier("deliveryExecutor") Executor executor,
                    HelpdeskProperties props) {
        this.senders = senders;
        this.texts = texts;
        this.executor = executor;
        this.mspName = props.mspName();
    }

    @EventListener
    void on(DeviceEnrolled enrolled) {
        executor.execute(() -> send(enrolled));
    }

    private void send(DeviceEnrolled enrolled) {
        String device = enrolled.device().id();
        try {
            var channel = channelFor(enrolled.user());
            if (channel.isEmpty()) {
                log.warn("Device {}: nobody told of the new phone: the user has no email or mobile this installation "
                        + "can send to", device);
                return;
            }
            var notice = new Notice(enrolled.user(), texts.newPhoneSubject(mspName, Locale.ENGLISH),
                    texts.newPhoneText(mspName, enrolled.device().enrolledAt(), Locale.ENGLISH), "device " + device);
            var outcome = senders.forChannel(channel.get()).orElseThrow().sendNotice(notice);
            if (outcome instanceof SendOutcome.Accepted) {
                log.info("Device {}: the user was told of the new phone by {}", device, label(channel.get()));
            } else {
                // Accepted details hold the masked contact; failure reasons never do, but the log needs neither.
                log.warn("Device {}: the new-phone notice by {} was not sent: {}", device, label(channel.get()),
                        reason(outcome));
            }
        } catch (RuntimeException e) {
            log.error("Device {}: the new-phone notice failed unexpectedly ({})", device, e.getClass().getSimpleName());
        }
    }

    /** Email first: it leaves a record the user can forward to their IT contact. */
    private Optional<Channel> channelFor(EndUser user) {
        var available = senders.available();
        if (user.email().isPresent() && available.contains(Channel.EMAIL)) {
            return Optional.of(Channel.EMAIL);
        }
        if (user.mobile().isPresent() && available.contains(Channel.SMS)) {
            return Optional.of(Channel.SMS);
        }
        return Optional.empty();
    }

    private static String reason(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Failed f) {
            return f.reason();
        }
        return outcome instanceof SendOutcome.RetryLater r ? r.reason() : "";
    }

    private static String label(Channel c) {
        return c == Channel.EMAIL ? "email" : "SMS";
    }
}
