package io.helpdeskverify.chat;

import io.helpdeskverify.verification.Technician;
import java.util.Objects;

/**
 * A command as a platform received it: who typed it, where, and how to answer them privately.
 * The adapter has already verified the request came from the platform.
 */
public record ChatRequest(Technician technician, Recipient requester, String text) {

    public ChatRequest {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(requester, "requester");
        text = text == null ? "" : text;
    }

    public ConversationRef conversation() {
        return requester.conversation();
    }
}
