package io.helpdeskverify.chat.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A platform call that may succeed if tried again: the platform throttled it (Slack 429, Teams 429
 * and 412), with the wait it announced if it did, or it failed on the way (5xx, no answer). Adapters
 * throw it from one attempt; {@code chat.cards.PlatformCalls} decides whether and when to try again.
 */
public final class RetryableCallException extends ChatPlatformException {

    private final boolean throttled;
    private final transient Optional<Duration> retryAfter;

    public RetryableCallException(String message, String advice, boolean throttled, Optional<Duration> retryAfter,
                                  Throwable cause) {
        super(message, advice, cause);
        this.throttled = throttled;
        this.retryAfter = retryAfter;
    }

    /** The platform asked for less traffic: every instance stays quiet in this scope for the wait. */
    public boolean throttled() {
        return throttled;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
