package io.helpdeskverify.shared;

/** A setting that would weaken the bot where it runs; the message names it and what to do instead. */
public class UnsafeSettingException extends RuntimeException {

    private final String variable;
    private final String action;

    public UnsafeSettingException(String variable, String problem, String action) {
        super(variable + ": " + problem);
        this.variable = variable;
        this.action = action;
    }

    public String variable() {
        return variable;
    }

    public String action() {
        return action;
    }
}
