package io.helpdeskverify.directory;

import java.util.List;

/**
 * What applying one external user did. {@code problems} are values that could not be used (a
 * malformed mobile number) while the rest of the user was imported.
 */
public sealed interface ExternalResult
        permits ExternalResult.Added, ExternalResult.Updated, ExternalResult.Unchanged, ExternalResult.Rejected {

    List<String> problems();

    record Added(String username, List<String> problems) implements ExternalResult {}

    record Updated(String username, List<String> problems) implements ExternalResult {}

    record Unchanged(String username, List<String> problems) implements ExternalResult {}

    /** Nothing was stored for this user. */
    record Rejected(String reason) implements ExternalResult {
        @Override
        public List<String> problems() {
            return List.of(reason);
        }
    }
}
