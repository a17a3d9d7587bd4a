package io.helpdeskverify.directory.graph;

import java.util.Optional;

/**
 * A Graph or token request that failed after the SDK's own retries.
 *
 * @param status HTTP status, 0 when there was no HTTP answer (network, token endpoint)
 */
class GraphFailure extends RuntimeException {

    private final int status;
    private final Optional<Long> retryAfterSeconds;

    GraphFailure(int status, String message, Optional<Long> retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    Optional<Long> retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 410 Gone: the delta token expired (Graph keeps them about 7 days); only a full resync helps. */
    boolean deltaTokenExpired() {
        return status == 410;
    }
}
