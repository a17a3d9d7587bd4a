package io.helpdeskverify.chat.core;

import java.util.Objects;

/**
 * A posted verification card, enough for any instance to edit it later.
 *
 * @param messageId Slack message ts, Teams activity id
 */
public record CardRef(ConversationRef conversation, String messageId) {

    public CardRef {
        Objects.requireNonNull(conversation, "conversation");
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is required");
        }
    }
}
