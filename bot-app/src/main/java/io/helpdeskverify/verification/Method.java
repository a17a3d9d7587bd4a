package io.helpdeskverify.verification;

/** How the end user is challenged. */
public enum Method {
    /** The app shows Approve / Deny; the user's approval verifies. */
    PUSH(Channel.PUSH, CodeFlow.NONE, false, "Push"),
    /** As PUSH, and the push carries a code the user reads back; the technician decides. */
    PUSH_WITH_CODE(Channel.PUSH, CodeFlow.READ_BACK, true, "Push + code"),
    /** A code by SMS, read back to the technician, who decides. */
    SMS_CODE(Channel.SMS, CodeFlow.READ_BACK, true, "SMS code"),
    /** A code by email, read back to the technician, who decides. */
    EMAIL_CODE(Channel.EMAIL, CodeFlow.READ_BACK, true, "Email code"),
    /**
     * Number matching: the technician reads a code to the user, who types it in the app. The secret
     * travels from the technician's channel to the user's device, so approving without it is impossible.
     */
    VERIFIED_PUSH(Channel.PUSH, CodeFlow.TELL_USER, false, "Verified push (number match)");

    private final Channel channel;
    private final CodeFlow codeFlow;
    private final boolean technicianDecides;
    private final String label;

    Method(Channel channel, CodeFlow codeFlow, boolean technicianDecides, String label) {
        this.channel = channel;
        this.codeFlow = codeFlow;
        this.technicianDecides = technicianDecides;
        this.label = label;
    }

    public Channel channel() {
        return channel;
    }

    public CodeFlow codeFlow() {
        return codeFlow;
    }

    public boolean usesCode() {
        return codeFlow != CodeFlow.NONE;
    }

    public boolean technicianDecides() {
        return technicianDecides;
    }

    public String label() {
        return label;
    }

    /** Which way the code travels, which decides what the technician is told to do with it. */
    public enum CodeFlow {
        NONE,
        /** The user receives the code and reads it back to the technician. */
        READ_BACK,
        /** The technician tells the code to the user, who types it in the app. */
        TELL_USER
    }
}
