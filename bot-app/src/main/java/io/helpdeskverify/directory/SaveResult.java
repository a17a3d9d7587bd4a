package io.helpdeskverify.directory;

/** What a directory write did. Conflicts name the field so the API can say which value is taken. */
public sealed interface SaveResult permits SaveResult.Saved, SaveResult.Conflict, SaveResult.NotFound,
        SaveResult.Stale {

    record Saved(boolean created) implements SaveResult {}

    record Conflict(String field, String value) implements SaveResult {}

    record NotFound() implements SaveResult {}

    /** Changed by another writer since it was read ({@link WriteMode#UPDATE_IF_UNCHANGED}): nothing written. */
    record Stale() implements SaveResult {}
}
