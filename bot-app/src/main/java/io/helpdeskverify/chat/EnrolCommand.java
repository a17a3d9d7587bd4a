package io.helpdeskverify.chat;

import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.EnrolmentInvites;
import io.helpdeskverify.directory.InviteChannel;
import io.helpdeskverify.directory.InviteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /verify enrol jdoe@acme}: sends the user a one-time link to the self-serve app, always to
 * the mobile or email the directory holds, never to one typed in chat, so a caller posing as the
 * user cannot have it sent to themselves. The technician sees only the masked contact.
 */
@Component
class EnrolCommand {

    private final EnrolmentInvites invites;

    EnrolCommand(EnrolmentInvites invites) {
        this.invites = invites;
    }

    PrivateMessage send(EndUser user, Optional<InviteChannel> asked) {
        var via = asked.orElse(user.mobile().isPresent() ? InviteChannel.SMS : InviteChannel.EMAIL);
        InviteOutcome outcome;
        try {
            outcome = invites.send(user.customer(), user.username(), via);
        } catch (DirectoryException.Invalid e) {
            return PrivateMessage.Notice.error("No enrolment link sent to " + user.displayName() + ".", e.getMessage());
        }
        if (outcome instanceof InviteOutcome.Sent sent) {
            return new PrivateMessage.Notice(new NoticeView("Enrolment link sent to " + user.displayName() + ".",
                    List.of("By " + label(via) + " to " + sent.to() + ". It works once, for 24 hours: the user opens "
                            + "it on their phone and installs the verification app."), NoticeView.Tone.INFO));
        }
        var notSent = (InviteOutcome.NotSent) outcome;
        return PrivateMessage.Notice.error("No enrolment link sent to " + user.displayName() + ".",
                "The " + label(via) + " could not be sent: " + notSent.reason() + ".");
    }

    PrivateMessage several(Resolution.Several several) {
        var lines = new ArrayList<String>();
        lines.add("Several people match. Say which one:");
        several.users().forEach(u -> lines.add("enrol =" + u.username() + "@" + several.customer().slug() + " — "
                + u.displayName()));
        return new PrivateMessage.Notice(new NoticeView("Whom should the link go to?", lines, NoticeView.Tone.INFO));
    }

    private static String label(InviteChannel via) {
        return via == InviteChannel.SMS ? "SMS" : "email";
    }
}
