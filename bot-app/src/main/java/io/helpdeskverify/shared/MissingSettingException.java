package io.helpdeskverify.shared;

/** A required setting is absent or unusable; the message names the environment variable. */
public class MissingSettingException extends RuntimeException {

    private final String variable;

    public MissingSettingException(String variable, String why) {
        super(variable + " is required: " + why);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
