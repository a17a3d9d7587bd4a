package io.helpdeskverify.directory;

/** Whether a write may create, replace, or either (CSV import). */
public enum WriteMode {
    CREATE,
    UPDATE,
    UPSERT
}
