package io.helpdeskverify.delivery.sms;

import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.DeliveryStep;
import io.helpdeskverify.verification.DeliveryStep.DeliveryStatus;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the card's SMS status on Twilio's reports. An SMS that did not arrive while the user is
 * still expected to read its code is as good as never sent, so the ladder moves on (to email);
 * later reports only add a line to the card and the audit log.
 */
@Component
class SmsStatusReports {

    private static final Logger log = LoggerFactory.getLogger(SmsStatusReports.class);

    private final MessageSidIndex index;
    private final VerificationService verifications;
    private final Clock clock;

    SmsStatusReports(MessageSidIndex index, VerificationService verifications, Clock clock) {
        this.index = index;
        this.verifications = verifications;
        this.clock = clock;
    }

    void report(String messageSid, String messageStatus, String errorCode) {
        var id = index.verificationOf(messageSid);
        if (id.isEmpty()) {
            log.info("Twilio status '{}' for unknown message {}: ignored", messageStatus, messageSid);
            return;
        }
        var current = verifications.find(id.get());
        if (current.isEmpty()) {
            return;
        }
        var v = current.get();
        var step = step(messageStatus, errorCode);
        if (step == null || alreadyShown(v, step)) {
            return;
        }
        if ((step.status() == DeliveryStatus.UNDELIVERED || step.status() == DeliveryStatus.FAILED)
                && v.method() == Method.SMS_CODE && (v.state() == State.PENDING || v.state() == State.SENT)) {
            String why = step.status().name().toLowerCase(Locale.ROOT) + ": " + step.detail();
            if (verifications.fallBack(v.id(), why) instanceof ActionResult.Done) {
                log.info("Verification {}: SMS {} ({}), moving down the ladder", v.id(), step.status(), step.detail());
                return;
            }
        }
        verifications.deliveryProgress(v.id(), step);
    }

    /** The card line for a Twilio status, or null for statuses that add nothing to what it shows. */
    private DeliveryStep step(String messageStatus, String errorCode) {
        String s = messageStatus == null ? "" : messageStatus.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "accepted", "scheduled", "queued", "sending" -> new DeliveryStep(clock.instant(), Channel.SMS,
                    DeliveryStatus.SENDING, "queued");
            case "sent" -> new DeliveryStep(clock.instant(), Channel.SMS, DeliveryStatus.SENT, "");
            case "delivered" -> new DeliveryStep(clock.instant(), Channel.SMS, DeliveryStatus.DELIVERED, "");
            case "undelivered" -> new DeliveryStep(clock.instant(), Channel.SMS, DeliveryStatus.UNDELIVERED,
                    SmsErrors.describe(errorCode));
            case "failed" -> new DeliveryStep(clock.instant(), Channel.SMS, DeliveryStatus.FAILED,
                    SmsErrors.describe(errorCode));
            case "canceled" -> new DeliveryStep(clock.instant(), Channel.SMS, DeliveryStatus.FAILED, "canceled");
            default -> null;
        };
    }

    /**
     * Twilio retries callbacks and reports "queued" and "sent" after we already showed the SMS as
     * sent: neither a repeat nor a step back is worth a line.
     */
    private static boolean alreadyShown(Verification v, DeliveryStep step) {
        var sms = v.delivery().stream().filter(d -> d.channel() == Channel.SMS).toList();
        if (sms.stream().anyMatch(d -> d.status() == step.status() && d.detail().equals(step.detail()))) {
            return true;
        }
        boolean progress = step.status() == DeliveryStatus.SENDING || step.status() == DeliveryStatus.SENT;
        return progress && sms.stream().anyMatch(d -> d.status().ordinal() >= DeliveryStatus.SENT.ordinal());
    }
}
