package io.helpdeskverify.directory;

/** What a directory write did. Conflicts name the field so the API can say which value is taken. */
public sealed interface SaveResult permits SaveResult.Saved, SaveResult.Conflict, SaveResult.NotFound {

    record Saved(boolean created) implements SaveResult {}

    record Conflict(String field, String value) implements SaveResult {}

    record NotFound() implements SaveResult {}
}
