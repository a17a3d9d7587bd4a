package io.helpdeskverify.web.security;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;

/**
 * Redis unreachable or too slow, seen from a request. Spring Data Redis translates Lettuce's
 * connection failures into {@link DataAccessResourceFailureException} (RedisConnectionFailureException)
 * and its command timeouts into {@link QueryTimeoutException}; neither is the caller's fault nor a
 * bug, so the answer is 503 with {@code Retry-After} instead of a 500 with a stack trace in the log.
 * The types checked are Spring's generic data-access ones, so no web class names Redis.
 */
public final class StoreOutage {

    /** Lettuce's command timeout is about 2 s and it reconnects on its own: a few seconds is a fair wait. */
    public static final long RETRY_AFTER_SECONDS = 5;
    public static final HttpStatus STATUS = HttpStatus.SERVICE_UNAVAILABLE;
    public static final String TITLE = "Service unavailable";
    public static final String DETAIL = "The verification service cannot reach its data store right now; nothing "
            + "was changed by this request. Try again in a few seconds.";

    private StoreOutage() {}

    /** Whether {@code e}, or anything it wraps, says the store is away (as opposed to a bug or bad input). */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof TransientDataAccessException
                    || t.getClass().getName().equals("io.lettuce.core.RedisCommandTimeoutException")
                    || t.getClass().getName().equals("io.lettuce.core.RedisConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
