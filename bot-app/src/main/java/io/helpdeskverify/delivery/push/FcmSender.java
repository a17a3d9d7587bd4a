package io.helpdeskverify.delivery.push;

import com.google.firebase.ErrorCode;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import io.helpdeskverify.delivery.Challenge;
import io.helpdeskverify.delivery.ChallengeSender;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.SendOutcome;
import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.verification.Channel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the challenge to every device of the user that can take a push. One device accepting is
 * enough. A dead token (UNREGISTERED, SENDER_ID_MISMATCH) is marked so it is never tried again;
 * UNAVAILABLE, INTERNAL and QUOTA_EXCEEDED are worth another try; anything else, INVALID_ARGUMENT
 * above all, means our message is wrong: logged as a bug, and the ladder moves on.
 */
class FcmSender implements ChallengeSender {

    private static final Logger log = LoggerFactory.getLogger(FcmSender.class);

    private final FirebaseMessaging messaging;
    private final ChallengeTexts texts;
    private final DeviceService devices;
    private final Clock clock;
    private final Optional<String> appUrl;

    FcmSender(FirebaseMessaging messaging, ChallengeTexts texts, DeviceService devices, Clock clock,
              Optional<String> appUrl) {
        this.messaging = messaging;
        this.texts = texts;
        this.devices = devices;
        this.clock = clock;
        this.appUrl = appUrl;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public SendOutcome send(Challenge c) {
        if (c.devices().isEmpty()) {
            return new SendOutcome.Failed("no device can receive a push");
        }
        int accepted = 0;
        var dead = new ArrayList<String>();
        var transientErrors = new ArrayList<String>();
        var otherErrors = new ArrayList<String>();
        for (Device device : c.devices()) {
            try {
                messaging.send(FcmMessages.build(c, device, texts, clock.instant(), appUrl));
                accepted++;
            } catch (FirebaseMessagingException e) {
                String code = code(e);
                if (isDeadToken(e)) {
                    devices.markTokenRejected(device.id());
                    log.info("Verification {}: FCM says device {} has a dead token ({}); it is marked and skipped from now on",
                            c.verificationId(), device.id(), code);
                    dead.add(code);
                } else if (isTransient(e)) {
                    log.warn("Verification {}: FCM unavailable for device {} ({})", c.verificationId(), device.id(), code);
                    transientErrors.add(code);
                } else {
                    // The SDK's message describes the request, never the token or the notification text.
                    log.error("Verification {}: FCM refused the message for device {} ({}: {}). This is a bug in the "
                            + "message we build; please report it.", c.verificationId(), device.id(), code, e.getMessage());
                    otherErrors.add(code);
                }
            }
        }
        if (accepted > 0) {
            return new SendOutcome.Accepted("to " + accepted + (accepted == 1 ? " device" : " devices"));
        }
        if (!transientErrors.isEmpty()) {
            return new SendOutcome.RetryLater("FCM unavailable (" + transientErrors.get(0) + ")");
        }
        if (!dead.isEmpty() && otherErrors.isEmpty()) {
            return new SendOutcome.Failed("the app's push token is no longer valid (" + dead.get(0) + ")");
        }
        return new SendOutcome.Failed("FCM refused the message (" + join(otherErrors, dead) + ")");
    }

    private static boolean isDeadToken(FirebaseMessagingException e) {
        var m = e.getMessagingErrorCode();
        return m == MessagingErrorCode.UNREGISTERED || m == MessagingErrorCode.SENDER_ID_MISMATCH;
    }

    private static boolean isTransient(FirebaseMessagingException e) {
        var m = e.getMessagingErrorCode();
        if (m != null) {
            return m == MessagingErrorCode.UNAVAILABLE || m == MessagingErrorCode.INTERNAL
                    || m == MessagingErrorCode.QUOTA_EXCEEDED;
        }
        var g = e.getErrorCode();
        return g == ErrorCode.UNAVAILABLE || g == ErrorCode.INTERNAL || g == ErrorCode.RESOURCE_EXHAUSTED
                || g == ErrorCode.DEADLINE_EXCEEDED;
    }

    private static String code(FirebaseMessagingException e) {
        return e.getMessagingErrorCode() != null ? e.getMessagingErrorCode().name()
                : e.getErrorCode() != null ? e.getErrorCode().name() : "UNKNOWN";
    }

    private static String join(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return String.join(", ", all.stream().distinct().toList());
    }
}
