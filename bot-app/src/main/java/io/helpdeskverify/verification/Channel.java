package io.helpdeskverify.verification;

/** The path a challenge travels to the end user. */
public enum Channel {
    PUSH,
    SMS,
    EMAIL
}
