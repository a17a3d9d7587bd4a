package io.helpdeskverify.siem;

/** A webhook request the admin must correct; {@code field} names what is wrong, the message says how. */
public final class WebhookRejected extends RuntimeException {

    private final String field;

    public WebhookRejected(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
