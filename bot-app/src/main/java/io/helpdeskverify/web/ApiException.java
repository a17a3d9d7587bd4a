package io.helpdeskverify.web;

import org.springframework.http.HttpStatus;

/** An error the API answers with a problem detail; thrown by controllers, rendered by {@link ApiExceptionHandler}. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private String reason = "";
    private long retryAfterSeconds;

    ApiException(HttpStatus status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    /** A machine-readable reason, added to the problem detail as {@code reason}. */
    ApiException withReason(String code) {
        this.reason = code;
        return this;
    }

    ApiException withRetryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    String reason() {
        return reason;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
