package io.helpdeskverify.alerts;

/**
 * The suspicious patterns that raise an {@code ALERT}. The name is stored in the event's
 * {@code outcome}: never rename one.
 */
public enum AlertRule {
    USER_REPORTED("The end user said they did not ask for this verification.",
            "Call the user on a number you already know and ask about the request; treat the caller as an impostor "
                    + "until they are confirmed."),
    QUICK_DENIAL("The end user denied a verification within moments of it starting.",
            "Ask the technician who started it who they were speaking to; the user may be rejecting an impostor's "
                    + "request."),
    REPEATED_REFUSALS("The push-bombing guard refused several verifications for the same user.",
            "Check who keeps requesting verifications for this user and stop them; do not reset anything until the "
                    + "user is reached on a known number."),
    AFTER_CONTACT_CHANGE("A verification started soon after the user's phone number or email changed.",
            "Confirm the contact change with the user through another channel before acting on this verification."),
    SEVERAL_TECHNICIANS("The same user was verified by several technicians within a short time.",
            "Ask the technicians why; several resets for one person in an hour is a common social-engineering "
                    + "pattern."),
    REVERSE_MISMATCH("The end user said the code a technician read out in a reverse check did not match, or they "
            + "did not expect the call.",
            "Treat whoever called the user as an impostor: find out who started the reverse check and warn the user "
                    + "not to act on the call.");

    private final String what;
    private final String advice;

    AlertRule(String what, String advice) {
        this.what = what;
        this.advice = advice;
    }

    /** What happened, in a sentence a security contact can read. */
    public String what() {
        return what;
    }

    /** What to do about it. */
    public String advice() {
        return advice;
    }
}
