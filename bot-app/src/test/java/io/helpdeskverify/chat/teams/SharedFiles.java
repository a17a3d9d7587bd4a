package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sibling {@code shared/} folder (fixtures, schemas); failing to find it fails the test. */
final class SharedFiles {

    private SharedFiles() {}

    static Path dir() {
        String property = System.getProperty("helpdesk.shared-dir");
        if (property != null && Files.isDirectory(Path.of(property, "fixtures"))) {
            return Path.of(property);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/fixtures"))) {
                return d.resolve("shared");
            }
        }
        throw new IllegalStateException("no shared/ folder (-Dhelpdesk.shared-dir=" + property + ")");
    }

    static ObjectNode fixture(String name) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(Files.readString(dir().resolve("fixtures").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
