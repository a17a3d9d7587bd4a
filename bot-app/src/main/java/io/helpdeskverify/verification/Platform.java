package io.helpdeskverify.verification;

/** Where a technician works. */
public enum Platform {
    SLACK,
    TEAMS,
    API
}
