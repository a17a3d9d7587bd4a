package io.helpdeskverify.chat.core;

import java.time.Duration;

/** What became of one card update. */
public sealed interface UpdateResult permits UpdateResult.Updated, UpdateResult.RetryAfter, UpdateResult.Gone,
        UpdateResult.Failed {

    record Updated() implements UpdateResult {}

    /** The platform said 429: nothing more may be sent in this scope before {@code delay} has passed. */
    record RetryAfter(Duration delay) implements UpdateResult {}

    /** The card can never be updated again (deleted, channel archived, bot removed): stop trying. */
    record Gone(String reason) implements UpdateResult {}

    /** A transient failure (network, 5xx): worth another try. */
    record Failed(String reason) implements UpdateResult {}
}
