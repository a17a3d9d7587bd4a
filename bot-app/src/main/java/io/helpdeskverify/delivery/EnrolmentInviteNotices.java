package io.helpdeskverify.delivery;

import io.helpdeskverify.directory.EnrolmentInvite;
import io.helpdeskverify.directory.EnrolmentInviteSender;
import io.helpdeskverify.directory.InviteChannel;
import io.helpdeskverify.directory.InviteOutcome;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.verification.Channel;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends an enrolment link as a notice on the channel asked for, through the same senders as the
 * challenges (Twilio, SMTP, or the local outbox). Logs name the user, never the contact or the link.
 */
@Component
class EnrolmentInviteNotices implements EnrolmentInviteSender {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentInviteNotices.class);

    private final Senders senders;
    private final MessageSource messages;
    private final String mspName;

    EnrolmentInviteNotices(Senders senders, MessageSource messages, HelpdeskProperties props) {
        this.senders = senders;
        this.messages = messages;
        this.mspName = props.mspName();
    }

    @Override
    public InviteOutcome send(EnrolmentInvite invite, InviteChannel via) {
        Channel channel = via == InviteChannel.SMS ? Channel.SMS : Channel.EMAIL;
        var sender = senders.forChannel(channel);
        String who = invite.recipient().customer() + "/" + invite.recipient().username();
        if (sender.isEmpty()) {
            return new InviteOutcome.NotSent(via, (via == InviteChannel.SMS ? "SMS" : "email")
                    + " is not configured on this installation");
        }
        var notice = new Notice(invite.recipient(),
                messages.getMessage("enrol.invite.subject", new Object[] {mspName}, Locale.ENGLISH),
                messages.getMessage("enrol.invite.text", new Object[] {mspName, invite.link()}, Locale.ENGLISH),
                "enrolment link");
        try {
            var outcome = sender.get().sendNotice(notice);
            if (outcome instanceof SendOutcome.Accepted accepted) {
                log.info("Enrolment link for {} sent by {}", who, via);
                return new InviteOutcome.Sent(via, accepted.detail().replaceFirst("^to ", ""), invite.expiresAt());
            }
            String reason = outcome instanceof SendOutcome.Failed f ? f.reason() : ((SendOutcome.RetryLater) outcome).reason();
            log.warn("Enrolment link for {} not sent by {}: {}", who, via, reason);
            return new InviteOutcome.NotSent(via, reason);
        } catch (RuntimeException e) {
            log.error("Enrolment link for {} failed unexpectedly ({})", who, e.getClass().getSimpleName());
            return new InviteOutcome.NotSent(via, "the " + via.name().toLowerCase(Locale.ROOT) + " provider failed");
        }
    }
}
