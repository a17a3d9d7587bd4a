package io.helpdeskverify.psa;

import io.helpdeskverify.verification.Verification;

/**
 * Tells the requesting technician that a ticket note could not be written, so it is never lost
 * silently. Implemented where the technician can be reached (the chat); a verification started
 * through the API has only the {@code PSA_NOTE_FAILED} event.
 */
public interface NoteFailureNotices {

    void noteFailed(Verification verification, TicketLink link, String why);
}
