package io.helpdeskverify.psa;

/**
 * A PSA call that did not give an answer we can use. The message says what to fix, in words an MSP
 * admin or technician can act on; it never carries a key, secret or contact detail.
 */
public class PsaException extends RuntimeException {

    public enum Kind {
        /** The connection settings are missing. */
        NOT_CONFIGURED,
        /** The PSA refused our credentials or the API member/user lacks a permission. */
        CREDENTIALS,
        /** No such ticket or contact. */
        NOT_FOUND,
        /** Down, throttling or too slow, still after the retries: worth trying again later. */
        UNAVAILABLE,
        /** The PSA refused the request itself (a field it does not accept). */
        REJECTED
    }

    private final Kind kind;

    public PsaException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}
