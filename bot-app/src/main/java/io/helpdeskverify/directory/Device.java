package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * The self-serve app on an end user's phone.
 *
 * @param secretHash SHA-256 of the device secret (a 256-bit random value, so a plain hash suffices)
 * @param tokenRejected FCM said the registration token is dead; pushes stop until the app reports a new one
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
        Instant lastSeenAt) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(endUser, "endUser");
        platform = platform == null ? "" : platform;
        fcmToken = fcmToken == null ? "" : fcmToken;
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    public boolean canReceivePush() {
        return notificationsEnabled && !tokenRejected && !fcmToken.isBlank();
    }
}
