package io.helpdeskverify.shared.store;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures mean "the store is away" rather than a bug or bad input. Spring Data Redis
 * translates Lettuce's connection failures into {@link DataAccessResourceFailureException}
 * (RedisConnectionFailureException) and its command timeouts into {@link QueryTimeoutException};
 * untranslated Lettuce exceptions are matched by name. One definition, for the circuit around the
 * store and for every request path that answers 503.
 */
public final class StoreFailures {

    private StoreFailures() {}

    /** Whether {@code e}, or anything it wraps, says the store is unreachable or too slow. */
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
