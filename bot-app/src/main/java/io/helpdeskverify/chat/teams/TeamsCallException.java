package io.helpdeskverify.chat.teams;

import java.time.Duration;
import java.util.Optional;

/** A Bot Connector call failed; {@code status} is 0 when no HTTP answer came back. */
class TeamsCallException extends RuntimeException {

    private final int status;
    private final Optional<Duration> retryAfter;

    TeamsCallException(int status, Optional<Duration> retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Teams throttles with 429 and, for bursts to one conversation, 412. */
    boolean throttled() {
        return status == 429 || status == 412;
    }

    /** Worth another try later: throttling, a gateway hiccup, or no answer at all. */
    boolean transientFailure() {
        return throttled() || status == 502 || status == 504 || status == 503 || status == 500 || status == 0;
    }
}
