package io.helpdeskverify.alerts;

/** What a raised alert still has to do; each happens once per alert. Stored by name: never rename one. */
public enum NoticeKind {
    /** Store the ALERT event. */
    EVENT,
    /** Email the customer's security contact. */
    EMAIL,
    /** Post in the customer's alert channel in Slack or Teams. */
    CHANNEL
}
