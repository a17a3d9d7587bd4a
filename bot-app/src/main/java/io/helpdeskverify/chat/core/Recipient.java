package io.helpdeskverify.chat.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One person in one conversation, to be told something nobody else sees.
 *
 * @param replyUrl a platform reply handle bound to the request being answered (Slack response_url);
 *     empty when the message is not an answer to a request (a later fallback code)
 */
public record Recipient(ConversationRef conversation, String userId, Optional<String> replyUrl) {

    public Recipient {
        Objects.requireNonNull(conversation, "conversation");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        Objects.requireNonNull(replyUrl, "replyUrl");
    }

    /** The same person, reached without the request's reply handle (it expires, and has few uses). */
    public Recipient withoutReplyUrl() {
        return new Recipient(conversation, userId, Optional.empty());
    }
}
