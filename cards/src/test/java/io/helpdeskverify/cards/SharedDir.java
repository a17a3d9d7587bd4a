package io.helpdeskverify.cards;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's sibling {@code shared/} folder: the parent pom passes it to surefire as
 * {@code helpdesk.shared-dir}; an IDE run without that property walks up from the working directory.
 * Not finding it fails the test: skipping would let schema validation pass by doing nothing.
 */
final class SharedDir {

    private SharedDir() {}

    static Path find() {
        String property = System.getProperty("helpdesk.shared-dir");
        if (property != null && !property.isBlank()) {
            Path dir = Path.of(property).toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve(AdaptiveCardSchema.RELATIVE_PATH))) {
                return dir;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isRegularFile(candidate.resolve(AdaptiveCardSchema.RELATIVE_PATH))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/" + AdaptiveCardSchema.RELATIVE_PATH
                + " via -Dhelpdesk.shared-dir=" + property + " or above " + Path.of("").toAbsolutePath());
    }
}
