package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.verification.Technician;
import java.util.Objects;

/**
 * A command as a platform received it: who typed it, where, and how to answer them privately.
 * The adapter has already verified the request came from the platform.
 *
 * @param context who and where, as the platform said it: what access decisions are made on
 */
public record ChatRequest(Technician technician, Recipient requester, String text, TechnicianContext context) {

    public ChatRequest {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(context, "context");
        text = text == null ? "" : text;
    }

    public ConversationRef conversation() {
        return requester.conversation();
    }
}
