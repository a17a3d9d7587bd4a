package io.helpdeskverify.chat.core;

import java.util.Objects;

/** The root message of a day's audit thread (Slack thread_ts, Teams root activity id). */
public record ThreadRef(ConversationRef conversation, String rootMessageId) {

    public ThreadRef {
        Objects.requireNonNull(conversation, "conversation");
        if (rootMessageId == null || rootMessageId.isBlank()) {
            throw new IllegalArgumentException("rootMessageId is required");
        }
    }
}
