package io.helpdeskverify.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the vendor fixtures in {@code shared/fixtures} (located by the build's helpdesk.shared-dir). */
final class SharedFixtures {

    private SharedFixtures() {}

    static String read(String name) {
        try {
            return Files.readString(dir().resolve("fixtures").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir() {
        String configured = System.getProperty("helpdesk.shared-dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/fixtures"))) {
                return p.resolve("shared");
            }
            if (Files.isDirectory(p.resolveSibling("shared").resolve("fixtures"))) {
                return p.resolveSibling("shared");
            }
        }
        throw new IllegalStateException("shared/fixtures not found; run through Maven or set -Dhelpdesk.shared-dir");
    }
}
