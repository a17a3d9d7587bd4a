package io.helpdeskverify.directory;

/** A directory request that cannot be carried out; the message tells the caller what to fix. */
public abstract sealed class DirectoryException extends RuntimeException
        permits DirectoryException.NotFound, DirectoryException.Conflict, DirectoryException.Invalid,
                DirectoryException.Unauthorized {

    protected DirectoryException(String message) {
        super(message, null, false, false);
    }

    public static final class NotFound extends DirectoryException {
        public NotFound(String message) {
            super(message);
        }
    }

    public static final class Conflict extends DirectoryException {
        public Conflict(String message) {
            super(message);
        }
    }

    public static final class Invalid extends DirectoryException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A device secret or enrolment token that does not check out. Deliberately vague. */
    public static final class Unauthorized extends DirectoryException {
        public Unauthorized(String message) {
            super(message);
        }
    }
}
