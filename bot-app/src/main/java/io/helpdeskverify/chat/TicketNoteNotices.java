package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.store.SentCards;
import io.helpdeskverify.psa.NoteFailureNotices;
import io.helpdeskverify.psa.TicketLink;
import io.helpdeskverify.verification.Verification;
import org.springframework.stereotype.Component;

/** Tells the technician who started a verification from a ticket, in chat, that its note is missing. */
@Component
class TicketNoteNotices implements NoteFailureNotices {

    private final SentCards cards;
    private final ChatPlatforms platforms;

    TicketNoteNotices(SentCards cards, ChatPlatforms platforms) {
        this.cards = cards;
        this.platforms = platforms;
    }

    @Override
    public void noteFailed(Verification v, TicketLink link, String why) {
        var technician = cards.technician(v.id());
        if (technician.isEmpty()) {
            return; // started through the API: the PSA_NOTE_FAILED event is what is left
        }
        var platform = platforms.of(technician.get().conversation().platform());
        platform.ifPresent(p -> p.tellPrivately(technician.get().withoutReplyUrl(), PrivateMessage.Notice.error(
                "The outcome of your verification is not on " + link.provider().label() + " ticket "
                        + link.ticketNumber() + ".",
                "Writing the internal note failed after every retry: " + why,
                "Add it by hand: " + v.outcome().map(o -> o.label()).orElse(v.state().name()) + ", verification "
                        + v.id() + ".")));
    }
}
