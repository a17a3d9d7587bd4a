package io.helpdeskverify.directory;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Enrolment of the self-serve app, authentication of its calls, and taking devices away again. */
public class DeviceService {

    static final Duration ENROLMENT_VALIDITY = Duration.ofHours(24);
    private static final String ENROL_AGAIN =
            "Enrol the app again with a new enrolment token from your IT contact.";

    private final DirectoryRepository repository;
    private final DirectoryService directory;
    private final Secrets secrets;
    private final DeviceRevocations revocations;
    private final EventLog events;
    private final EnrolmentPublisher publisher;
    private final int maxActivePerUser;
    private final Clock clock;

    /** @param maxActivePerUser the most devices one user may have enrolled at a time (at least 1) */
    public DeviceService(DirectoryRepository repository, DirectoryService directory, Secrets secrets, EventLog events,
                         EnrolmentPublisher publisher, int maxActivePerUser, Clock clock) {
        if (maxActivePerUser < 1) {
            throw new IllegalArgumentException("HELPDESK_DEVICES_MAX_PER_USER must be at least 1");
        }
        this.repository = repository;
        this.directory = directory;
        this.secrets = secrets;
        this.revocations = new DeviceRevocations(repository, events, clock);
        this.events = events;
        this.publisher = publisher;
        this.maxActivePerUser = maxActivePerUser;
        this.clock = clock;
    }

    /** A one-time token the admin hands to the end user (QR code, link) to enrol their phone. */
    public EnrolmentToken issueEnrolment(String customerSlug, String username) {
        var user = directory.endUser(customerSlug, username);
        if (!user.enabled()) {
            throw new DirectoryException.Invalid("username", "'" + username + "' is disabled and cannot enrol a device.");
        }
        String token = drawnSecret(24, user.customer());
        Instant expiresAt = clock.instant().plus(ENROLMENT_VALIDITY);
        repository.storeEnrolment(Secrets.hash(token), new EnrolmentTarget(user.customer(), user.username()),
                ENROLMENT_VALIDITY);
        return new EnrolmentToken(token, expiresAt);
    }

    /* A secret whose stored hash the repository keeps with the customer's keys: about 16 draws. */
    private String drawnSecret(int bytes, String customer) {
        String secret = secrets.newSecret(bytes);
        while (!repository.keepsTogether(Secrets.hash(secret), customer)) {
            secret = secrets.newSecret(bytes);
        }
        return secret;
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
        String tokenHash = Secrets.hash(enrolmentToken);
        var target = repository.enrolment(tokenHash).orElseThrow(DeviceService::unknownToken);
        String secret = drawnSecret(32, target.customer());
        Instant now = clock.instant();
        String id = secrets.newId();
        while (!repository.keepsTogether(id, target.customer())) {
            id = secrets.newId();
        }
        var device = new Device(id, target.customer(), target.endUser(), devicePlatform,
                fcmToken, notificationsEnabled, false, Secrets.hash(secret), now, now);
        // The limit is checked in the same atomic write that spends the token: two phones racing for
        // the last slot cannot both get it, and a refused one leaves the token usable.
        var result = repository.enrolDevice(tokenHash, device, maxActivePerUser);
        if (result instanceof EnrolResult.LimitReached limit) {
            // The app shows this to the user and the admin reads it in the API log: name the route that frees a slot.
            String devices = "/api/v1/customers/" + device.customer() + "/end-users/" + device.endUser() + "/devices";
            throw new DirectoryException.Conflict("This account already has " + limit.active() + " enrolled device"
                    + (limit.active() == 1 ? "" : "s") + ", the most allowed. Revoke one first (your IT contact lists "
                    + "them with GET " + devices + " and revokes one with DELETE " + devices + "/{id}), then enrol "
                    + "again: this enrolment token was not used and still works until it expires.");
        }
        if (result instanceof EnrolResult.UserUnavailable) {
            throw new DirectoryException.Unauthorized("This account can no longer enrol a device. Ask your IT contact.");
        }
        if (result instanceof EnrolResult.TokenGone) {
            throw unknownToken();
        }
        events.append(new AuditEvent("", EventType.DEVICE_ENROLLED, now, device.customer(), device.endUser(),
                "", "", "", "", "", "", "", DeviceRevocations.describe(device) + " enrolled with the self-serve app"
                        + (device.canReceivePush() ? "" : " (push not possible yet)")));
        repository.endUser(device.customer(), device.endUser())
                .ifPresent(user -> publisher.enrolled(new DeviceEnrolled(device, user)));
        return new EnrolledDevice(device, secret);
    }

    /** The device, if the secret is its own. The same answer for an unknown id and a wrong secret. */
    public Device authenticate(String deviceId, String secret) {
        return active(repository.device(deviceId)
                .filter(d -> secret != null && Secrets.matches(secret, d.secretHash()))
                .orElseThrow(DeviceService::unknownDevice));
    }

    /** The device whose secret this is; for calls that carry no device id. */
    public Device authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new DirectoryException.Unauthorized("Send the device secret as 'Authorization: Bearer <deviceSecret>'.");
        }
        return active(repository.deviceBySecretHash(Secrets.hash(secret)).orElseThrow(DeviceService::unknownDevice));
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
        if (!repository.updateDevice(next)) {
            throw revokedDevice();
        }
        return next;
    }

    /** FCM said the token is dead (UNREGISTERED, SENDER_ID_MISMATCH): stop pushing to it. */
    public void markTokenRejected(String deviceId) {
        // updateDevice leaves a device revoked meanwhile as it is: a late FCM answer must not revive it.
        repository.device(deviceId).filter(d -> !d.revoked()).ifPresent(d -> repository.updateDevice(new Device(d.id(),
                d.customer(), d.endUser(), d.platform(), d.fcmToken(), d.notificationsEnabled(), true, d.secretHash(),
                d.enrolledAt(), d.lastSeenAt())));
    }

    /** The user's active devices, for the admin API. */
    public List<Device> devices(String customerSlug, String username) {
        var user = user(customerSlug, username);
        return repository.devices(user.customer(), user.username());
    }

    /** Takes one device of the user away. A device of another user is "not found", never touched. */
    public void revoke(String customerSlug, String username, String deviceId, String actor) {
        var user = user(customerSlug, username);
        var device = repository.device(deviceId)
                .filter(d -> d.customer().equals(user.customer()) && d.endUser().equals(user.username()) && !d.revoked());
        if (device.isEmpty() || revocations.revoke(user.customer(), user.username(), List.of(device.get()), actor,
                "by " + actor).isEmpty()) {
            throw new DirectoryException.NotFound("No active device '" + deviceId + "' for end user '" + username
                    + "' at customer '" + customerSlug + "'.");
        }
    }

    /** Takes all the user's devices away; how many were active. */
    public int revokeAll(String customerSlug, String username, String actor) {
        var user = user(customerSlug, username);
        return revocations.revokeAll(user.customer(), user.username(), actor, "by " + actor);
    }

    private EndUser user(String customerSlug, String username) {
        return directory.endUser(directory.customer(customerSlug).slug(), username);
    }

    /** Only the holder of the secret learns the device was revoked; anyone else gets the vague answer. */
    private static Device active(Device device) {
        if (device.revoked()) {
            throw revokedDevice();
        }
        return device;
    }

    private static DirectoryException.Unauthorized revokedDevice() {
        return new DirectoryException.Unauthorized("This device was removed from your account and can no longer "
                + "approve sign-in checks. " + ENROL_AGAIN);
    }

    private static DirectoryException.Unauthorized unknownDevice() {
        return new DirectoryException.Unauthorized("Unknown device or wrong device secret. If this phone was removed "
                + "from your account: " + ENROL_AGAIN);
    }

    private static DirectoryException.Unauthorized unknownToken() {
        return new DirectoryException.Unauthorized(
                "This enrolment token is unknown, already used or expired. Ask your IT contact for a new one.");
    }

    private static String normalisePlatform(String platform) {
        String p = platform == null ? "" : platform.strip().toLowerCase();
        // "web" is the installable web app at /app: pushed through FCM's webpush block.
        if (!p.equals("ios") && !p.equals("android") && !p.equals(Device.WEB)) {
            throw new DirectoryException.Invalid("platform", "platform must be 'ios', 'android' or 'web'");
        }
        return p;
    }

    public record EnrolmentToken(String token, Instant expiresAt) {}

    public record EnrolledDevice(Device device, String secret) {}
}
