package io.helpdeskverify.chat.core;


import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.cards.VerificationCardView;
import io.helpdeskverify.verification.Platform;
import java.time.LocalDate;

/**
 * What the chat flow needs from a chat platform, and nothing more. Adapters render and call their
 * platform; they never decide state. Every method may block on the network: callers run them off
 * the request thread.
 */
public interface ChatPlatform {

    Platform platform();

    /** Posts the card into the conversation, visible to everyone in it. Throws {@link ChatPlatformException}. */
    CardRef postCard(ConversationRef where, VerificationCardView card);

    /** Replaces a posted card with this view; reports rate limits instead of throwing. */
    UpdateResult updateCard(CardRef card, VerificationCardView view);

    /**
     * Shows a message to this person only (Slack: response_url or ephemeral; Teams: their chat with
     * the bot). Never given a {@link PrivateMessage.Code} when {@link #codeDelivery()} is
     * {@link CodeDelivery#PERSONAL_VIEW}: such a platform throws {@link IllegalArgumentException}
     * rather than drop it. Throws {@link ChatPlatformException}.
     */
    void tellPrivately(Recipient who, PrivateMessage message);

    /**
     * How the requesting technician sees their code. The chat core decides who sees it and when
     * ({@code chat.cards.TechnicianCodes}); the platform only says which way it can show it.
     */
    CodeDelivery codeDelivery();

    /** Posts the root message of a UTC day's audit thread and returns its message id. Throws {@link ChatPlatformException}. */
    String postAuditRoot(ConversationRef where, LocalDate utcDay);

    /** Replies in the audit thread. Throws {@link ChatPlatformException}. */
    void replyInAuditThread(ThreadRef thread, AuditEntry entry);

    /**
     * Posts a notice into the conversation, visible to everyone in it (a security alert in the alert
     * channel). Throws {@link ChatPlatformException}.
     */
    void postNotice(ConversationRef where, NoticeView notice);

    /** The rate budget card updates of this platform obey. */
    UpdateLimits updateLimits();

    /** Which budget a card's updates spend: the Slack workspace, the Teams conversation. */
    String budgetScope(CardRef card);

    /** The ways a platform can show a code to one person. */
    enum CodeDelivery {
        /** A {@link PrivateMessage.Code} through {@link #tellPrivately}, sent when the code is issued. */
        PRIVATE_MESSAGE,
        /**
         * Deferred to a view of the card only that person gets (Teams: {@code refresh.userIds}), rendered
         * when their client asks for it; the adapter asks the chat core for the code at that moment.
         */
        PERSONAL_VIEW
    }
}
