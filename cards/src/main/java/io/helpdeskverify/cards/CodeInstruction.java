package io.helpdeskverify.cards;

/**
 * Which way the secret travels, which decides what the technician is told to do with the code.
 * Getting this wrong would make a technician read a read-back code aloud, so it is explicit.
 */
public enum CodeInstruction {
    /** SMS, email and push + code: the user received the code and reads it back to the technician. */
    READ_BACK,
    /** Verified push (number matching): the technician reads the code to the user, who types it in the app. */
    TELL_USER,
    /**
     * The reverse check: the user received the same code and checks the technician with it; the
     * technician reads it out, and the user (not the technician) says whether it matches.
     */
    READ_OUT_FOR_USER_TO_CHECK
}
