package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The self-serve app on an end user's phone.
 *
 * @param secretHash SHA-256 of the device secret (a 256-bit random value, so a plain hash suffices)
 * @param tokenRejected FCM said the registration token is dead; pushes stop until the app reports a new one
 * @param revokedAt when an admin, a disable or a sync took the device away; a revoked device is kept a
 *     while only so its app can be told to enrol again, and never authenticates or receives a push
 */
public record Device(
        String id,
        String customer,
        String endUser,
        String platform,
        String fcmToken,
        boolean notificationsEnabled,
        boolean tokenRejected,
        String secretHash,
        Instant enrolledAt,
        Instant lastSeenAt,
        Optional<Instant> revokedAt) {

    /** The platform of the installable web app at {@code /app}. */
    public static final String WEB = "web";

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(endUser, "endUser");
        platform = platform == null ? "" : platform;
        fcmToken = fcmToken == null ? "" : fcmToken;
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        // Devices stored before revocation existed read back with null: they are active.
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    /** An active device. */
    public Device(String id, String customer, String endUser, String platform, String fcmToken,
                  boolean notificationsEnabled, boolean tokenRejected, String secretHash, Instant enrolledAt,
                  Instant lastSeenAt) {
        this(id, customer, endUser, platform, fcmToken, notificationsEnabled, tokenRejected, secretHash, enrolledAt,
                lastSeenAt, Optional.empty());
    }

    /** Not {@code isWeb}: Jackson would store that as a property of the device. */
    public boolean webApp() {
        return WEB.equals(platform);
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }

    public boolean canReceivePush() {
        return !revoked() && notificationsEnabled && !tokenRejected && !fcmToken.isBlank();
    }

    public Device revoke(Instant at) {
        return new Device(id, customer, endUser, platform, fcmToken, notificationsEnabled, tokenRejected, secretHash,
                enrolledAt, lastSeenAt, Optional.of(at));
    }
}
