package io.helpdeskverify.web.security;

import io.helpdeskverify.shared.store.StoreFailures;
import org.springframework.http.HttpStatus;

/**
 * Redis unreachable or too slow, seen from a request ({@link StoreFailures} says which failures
 * those are, the open store circuit among them). Neither the caller's fault nor a bug, so the
 * answer is 503 with {@code Retry-After} instead of a 500 with a stack trace in the log.
 */
public final class StoreOutage {

    /** Lettuce's command timeout is about 2 s, it reconnects on its own, the circuit probes every second: a few seconds is a fair wait. */
    public static final long RETRY_AFTER_SECONDS = 5;
    public static final HttpStatus STATUS = HttpStatus.SERVICE_UNAVAILABLE;
    public static final String TITLE = "Service unavailable";
    public static final String DETAIL = "The verification service cannot reach its data store right now; nothing "
            + "was changed by this request. Try again in a few seconds.";

    private StoreOutage() {}

    /** Whether {@code e}, or anything it wraps, says the store is away (as opposed to a bug or bad input). */
    public static boolean isOutage(Throwable e) {
        return StoreFailures.isOutage(e);
    }
}
