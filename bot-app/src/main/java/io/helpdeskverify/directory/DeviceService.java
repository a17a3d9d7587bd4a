package io.helpdeskverify.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Enrolment of the self-serve app and authentication of its calls. */
public class DeviceService {

    static final Duration ENROLMENT_VALIDITY = Duration.ofHours(24);

    private final DirectoryRepository repository;
    private final DirectoryService directory;
    private final Secrets secrets;
    private final Clock clock;

    public DeviceService(DirectoryRepository repository, DirectoryService directory, Secrets secrets, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A one-time token the admin hands to the end user (QR code, link) to enrol their phone. */
    public EnrolmentToken issueEnrolment(String customerSlug, String username) {
        var user = directory.endUser(customerSlug, username);
        if (!user.enabled()) {
            throw new DirectoryException.Invalid("username", "'" + username + "' is disabled and cannot enrol a device.");
        }
        String token = secrets.newSecret(24);
        Instant expiresAt = clock.instant().plus(ENROLMENT_VALIDITY);
        repository.storeEnrolment(Secrets.hash(token), new EnrolmentTarget(user.customer(), user.username()),
                ENROLMENT_VALIDITY);
        return new EnrolmentToken(token, expiresAt);
    }

    public EnrolledDevice enrol(String enrolmentToken, String fcmToken, String platform, boolean notificationsEnabled) {
        if (enrolmentToken == null || enrolmentToken.isBlank()) {
            throw new DirectoryException.Invalid("enrolmentToken", "enrolmentToken is required");
        }
        if (fcmToken != null && fcmToken.length() > 4096) {
            throw new DirectoryException.Invalid("fcmToken", "fcmToken is too long");
        }
        // Validate everything before the token is spent: a typo must not burn a one-time token.
        String devicePlatform = normalisePlatform(platform);
        var target = repository.redeemEnrolment(Secrets.hash(enrolmentToken))
                .orElseThrow(() -> new DirectoryException.Unauthorized(
                        "This enrolment token is unknown, already used or expired. Ask your IT contact for a new one."));
        String secret = secrets.newSecret(32);
        Instant now = clock.instant();
        var device = new Device(secrets.newId(), target.customer(), target.endUser(), devicePlatform,
                fcmToken, notificationsEnabled, false, Secrets.hash(secret), now, now);
        repository.saveDevice(device);
        return new EnrolledDevice(device, secret);
    }

    /** The device, if the secret is its own. The same answer for an unknown id and a wrong secret. */
    public Device authenticate(String deviceId, String secret) {
        return repository.device(deviceId)
                .filter(d -> secret != null && Secrets.matches(secret, d.secretHash()))
                .orElseThrow(() -> new DirectoryException.Unauthorized("Unknown device or wrong device secret."));
    }

    /** The device whose secret this is; for calls that carry no device id. */
    public Device authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new DirectoryException.Unauthorized("Send the device secret as 'Authorization: Bearer <deviceSecret>'.");
        }
        return repository.deviceBySecretHash(Secrets.hash(secret))
                .orElseThrow(() -> new DirectoryException.Unauthorized("Unknown device or wrong device secret."));
    }

    public Device update(Device device, Optional<String> fcmToken, Optional<Boolean> notificationsEnabled) {
        if (fcmToken.isPresent() && fcmToken.get().length() > 4096) {
            throw new DirectoryException.Invalid("fcmToken", "fcmToken is too long");
        }
        // A new registration token revives a device FCM had rejected.
        boolean newToken = fcmToken.isPresent() && !fcmToken.get().equals(device.fcmToken());
        var next = new Device(device.id(), device.customer(), device.endUser(), device.platform(),
                fcmToken.orElse(device.fcmToken()), notificationsEnabled.orElse(device.notificationsEnabled()),
                device.tokenRejected() && !newToken, device.secretHash(), device.enrolledAt(), clock.instant());
        repository.saveDevice(next);
        return next;
    }

    /** FCM said the token is dead (UNREGISTERED, SENDER_ID_MISMATCH): stop pushing to it. */
    public void markTokenRejected(String deviceId) {
        repository.device(deviceId).ifPresent(d -> repository.saveDevice(new Device(d.id(), d.customer(), d.endUser(),
                d.platform(), d.fcmToken(), d.notificationsEnabled(), true, d.secretHash(), d.enrolledAt(), d.lastSeenAt())));
    }

    private static String normalisePlatform(String platform) {
        String p = platform == null ? "" : platform.strip().toLowerCase();
        if (!p.equals("ios") && !p.equals("android")) {
            throw new DirectoryException.Invalid("platform", "platform must be 'ios' or 'android'");
        }
        return p;
    }

    public record EnrolmentToken(String token, Instant expiresAt) {}

    public record EnrolledDevice(Device device, String secret) {}
}
