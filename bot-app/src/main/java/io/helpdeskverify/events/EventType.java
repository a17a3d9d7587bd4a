package io.helpdeskverify.events;

/**
 * Every step an auditor can read back. The names are part of the export format: never rename one.
 * Append new types at the end (and to {@code EventStreams.TYPE_CODES}): their position is stored.
 */
public enum EventType {
    VERIFICATION_REQUESTED,
    CHALLENGE_SENT,
    DELIVERY_FAILED,
    FALLBACK_USED,
    USER_APPROVED,
    USER_DENIED,
    TECHNICIAN_APPROVED,
    TECHNICIAN_DENIED,
    VERIFIED,
    UNABLE_TO_VERIFY,
    EXPIRED,
    CANCELLED,
    RATE_LIMITED,
    UNAUTHORIZED_ACTION,
    CONTACT_CHANGED,
    /** A provider's later report on a sent challenge (SMS delivered, undelivered with the carrier's reason). */
    DELIVERY_REPORTED,
    /** The self-serve app was enrolled on a phone (the reason names the device, never its secret). */
    DEVICE_ENROLLED,
    /** A device was taken away: by an admin, or because its user was disabled or left Microsoft 365. */
    DEVICE_REVOKED,
    /** An admin issued a named API token (the reason names it, its roles and customers; never its secret). */
    API_TOKEN_ISSUED,
    /** An admin revoked a named API token. */
    API_TOKEN_REVOKED,
    /** The outcome of a verification started from a PSA ticket was written to the ticket as an internal note. */
    PSA_NOTE_WRITTEN,
    /** That note could not be written after every retry (the reason says why); the technician was told. */
    PSA_NOTE_FAILED,
    /**
     * The end user pressed "I did not ask for this" in the app: the challenge was denied, and the
     * security alerting can act on someone trying to get verified as them.
     */
    USER_REPORTED,
    /**
     * A security alert: a rule saw a suspicious pattern (the outcome names the rule, the reason says what
     * happened and which event completed it); the customer's security contact was told (docs/alerts.md).
     */
    ALERT,
    /**
     * Dual control: the requesting technician approved a high-risk verification, which now needs a
     * second technician (the technician is the first approver).
     */
    SECOND_TECHNICIAN_REQUESTED,
    /** Dual control: a second technician approved (the technician is the second; the reason names the first). */
    SECOND_TECHNICIAN_APPROVED,
    /** Dual control: a second technician denied (the technician is the second; the reason names the first). */
    SECOND_TECHNICIAN_DENIED,
    /**
     * SIEM delivery gave up on an event: a webhook destination failed it for the whole retry window
     * (docs/siem.md). The outcome names the destination, the reason the event and the last error.
     */
    WEBHOOK_EVENT_DROPPED
}
