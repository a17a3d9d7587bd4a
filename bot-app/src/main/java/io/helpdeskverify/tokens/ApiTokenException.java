package io.helpdeskverify.tokens;

/** Why a token could not be issued or revoked; the message says what to change. */
public sealed class ApiTokenException extends RuntimeException {

    private ApiTokenException(String message) {
        super(message);
    }

    public static final class Invalid extends ApiTokenException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static final class NameTaken extends ApiTokenException {
        public NameTaken(String name) {
            super("An active token is already named '" + name + "'. Choose another name, or revoke that token first.");
        }
    }

    public static final class NotFound extends ApiTokenException {
        public NotFound(String id) {
            super("No token with id '" + id + "'.");
        }
    }

    public static final class Bootstrap extends ApiTokenException {
        public Bootstrap() {
            super("The bootstrap token comes from ADMIN_API_TOKEN and cannot be revoked through the API: "
                    + "change the variable and restart to rotate it.");
        }
    }
}
