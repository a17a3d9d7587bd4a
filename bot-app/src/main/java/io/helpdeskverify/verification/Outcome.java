package io.helpdeskverify.verification;

/** The five final outcomes a technician and an auditor read. */
public enum Outcome {
    VERIFIED("Verified"),
    UNABLE_TO_VERIFY("Unable to verify"),
    EXPIRED("Expired"),
    FAILED("Failed (delivery)"),
    CANCELLED("Cancelled");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
