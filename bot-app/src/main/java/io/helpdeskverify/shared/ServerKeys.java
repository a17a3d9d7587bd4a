package io.helpdeskverify.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's secrets: the code HMAC key ({@code HELPDESK_SECRET}) and the admin API token
 * ({@code ADMIN_API_TOKEN}). Outside the local profile both are required and start-up fails with
 * a message naming the variable; in the local profile missing ones are generated (the key is kept
 * in the data directory so codes survive a restart, the token is logged once).
 */
public record ServerKeys(byte[] codeKey, String adminToken) {

    private static final Logger log = LoggerFactory.getLogger(ServerKeys.class);
    private static final int MIN_SECRET_LENGTH = 32;

    public static ServerKeys resolve(HelpdeskProperties props, boolean local, SecureRandom random) {
        String secret = props.secret();
        if (secret.isBlank()) {
            if (!local) {
                throw new MissingSettingException("HELPDESK_SECRET", "the key that protects one-time codes. "
                        + "Set it to at least 32 random characters, e.g. `openssl rand -base64 48`.");
            }
            secret = localSecret(props.dataDir(), random);
        } else if (secret.length() < MIN_SECRET_LENGTH) {
            throw new MissingSettingException("HELPDESK_SECRET", "it must have at least " + MIN_SECRET_LENGTH
                    + " characters (it has " + secret.length() + ").");
        }
        String token = props.adminApiToken();
        if (token.isBlank()) {
            if (!local) {
                throw new MissingSettingException("ADMIN_API_TOKEN", "the bearer token of the admin API.");
            }
            token = random(random, 24);
            // Logged once, on purpose: the local profile has no other way to hand it to the user.
            log.info("Admin API token for this run (set ADMIN_API_TOKEN to choose your own): {}", token);
        }
        return new ServerKeys(secret.getBytes(StandardCharsets.UTF_8), token);
    }

    private static String localSecret(Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve("helpdesk-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            String secret = random(random, 48);
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system (Windows): the file stays as the OS created it.
            }
            log.info("Generated HELPDESK_SECRET for the local profile in {}", file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static String random(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() {
        return "ServerKeys[redacted]";
    }
}
