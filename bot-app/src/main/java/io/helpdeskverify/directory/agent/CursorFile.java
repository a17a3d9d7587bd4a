package io.helpdeskverify.directory.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.directory.LdapSyncState.Cursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's cursor (controller, invocation id, highest committed USN, last full pass, scope) in
 * {@code <AGENT_STATE_DIR>/cursor.json}, for the customer it was read for. Written to a temporary
 * file, flushed to disk and moved over the old one in one step, so a crash or power cut leaves the
 * old cursor or the new one, never half of one (a pass after the old cursor reads the same changes
 * again, which changes nothing).
 */
class CursorFile {

    private static final Logger log = LoggerFactory.getLogger(CursorFile.class);

    private final Path file;
    private final String customer;
    private final ObjectMapper json;

    CursorFile(Path dir, String customer, ObjectMapper json) {
        this.file = dir.resolve("cursor.json");
        this.customer = customer;
        this.json = json;
    }

    private record Stored(String customer, Cursor cursor) {}

    /** The cursor, if there is one for this customer; an unreadable file means a full pass. */
    Optional<Cursor> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            var stored = json.readValue(file.toFile(), Stored.class);
            if (!customer.equals(stored.customer()) || stored.cursor() == null) {
                log.info("{} was written for customer '{}', not '{}': starting with a full pass", file,
                        stored.customer(), customer);
                return Optional.empty();
            }
            return Optional.of(stored.cursor());
        } catch (IOException e) {
            log.warn("{} cannot be read ({}): starting with a full pass", file, e.getMessage());
            return Optional.empty();
        }
    }

    void write(Cursor cursor) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "cursor", ".tmp");
            try {
                Files.write(temp, json.writeValueAsBytes(new Stored(customer, cursor)));
                try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the agent's cursor to " + file, e);
        }
    }
}
