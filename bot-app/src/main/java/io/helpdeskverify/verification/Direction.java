package io.helpdeskverify.verification;

/**
 * Who is being checked. Almost every verification checks the end user for the technician; the
 * reverse check ({@code /verify me to jdoe@acme}) lets the end user check that the technician
 * calling them is who they say: both see the same code, the technician reads it out, and the user
 * says whether it matches. The user decides, so a technician's Approve never applies to it.
 */
public enum Direction {
    /** The technician verifies the end user (every method of {@link Method}). */
    USER_TO_TECHNICIAN,
    /** The end user verifies the technician: the reverse check. */
    TECHNICIAN_TO_USER
}
