package io.helpdeskverify.directory;

/** Whether a write may create, replace, or either (CSV import). */
public enum WriteMode {
    CREATE,
    UPDATE,
    UPSERT,
    /**
     * Replace, but only if the user is still as it was read (the same {@code updatedAt}): two directory
     * syncs of one person (Microsoft 365 and AD run side by side) must not overwrite each other's link.
     */
    UPDATE_IF_UNCHANGED
}
