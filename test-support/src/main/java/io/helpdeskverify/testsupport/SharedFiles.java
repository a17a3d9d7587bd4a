package io.helpdeskverify.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's sibling {@code shared/} folder (vendor fixtures and official schemas), for every
 * module's tests. The parent pom passes it to surefire as {@code helpdesk.shared-dir}; a run without
 * that property (an IDE) walks up from the working directory. Not finding it fails the test:
 * skipping would let a schema check or a wire-format test pass by doing nothing.
 */
public final class SharedFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedFiles() {}

    public static Path dir() {
        String property = System.getProperty("helpdesk.shared-dir");
        if (property != null && !property.isBlank() && isShared(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (isShared(d.resolve("shared"))) {
                return d.resolve("shared");
            }
        }
        throw new IllegalStateException("no shared/ folder with fixtures/ or schemas/ via -Dhelpdesk.shared-dir="
                + property + " or above " + Path.of("").toAbsolutePath());
    }

    /** A file under {@code shared/fixtures}. */
    public static Path fixture(String name) {
        return dir().resolve("fixtures").resolve(name);
    }

    public static String fixtureText(String name) {
        return read(fixture(name));
    }

    public static JsonNode fixtureJson(String name) {
        return json(fixture(name));
    }

    /** A file under {@code shared/schemas}, e.g. {@code teams/v1.25/MicrosoftTeams.schema.json}. */
    public static Path schema(String relativePath) {
        return dir().resolve("schemas").resolve(relativePath);
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isShared(Path dir) {
        return Files.isDirectory(dir.resolve("fixtures")) || Files.isDirectory(dir.resolve("schemas"));
    }
}
