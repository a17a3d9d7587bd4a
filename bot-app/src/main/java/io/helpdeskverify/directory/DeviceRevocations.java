package io.helpdeskverify.directory;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one way a device is taken away, whoever does it (an admin, a disable, a Microsoft 365 sync):
 * one atomic store write, then a {@code DEVICE_REVOKED} event per device that was still active,
 * with the actor in the reason.
 */
final class DeviceRevocations {

    /** Long enough for a phone left in a drawer to be told "enrol again" instead of "unknown device". */
    static final Duration KEEP_REVOKED = Duration.ofDays(30);

    private final DirectoryRepository repository;
    private final EventLog events;
    private final Clock clock;

    DeviceRevocations(DirectoryRepository repository, EventLog events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Revokes every active device of the user; the number revoked.
     *
     * @param actor who did it ("admin API", "Microsoft 365 sync"), recorded as the event's technician
     * @param why completes "android device 1a2b… revoked …", e.g. "by admin API"
     */
    int revokeAll(String customer, String username, String actor, String why) {
        return revoke(customer, username, repository.devices(customer, username), actor, why).size();
    }

    /** @return the ids that were active and are now revoked (a concurrent revoke may have taken some) */
    List<String> revoke(String customer, String username, List<Device> devices, String actor, String why) {
        if (devices.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        var revoked = repository.revokeDevices(customer, username,
                devices.stream().map(d -> d.revoke(now)).toList(), KEEP_REVOKED);
        for (Device d : devices) {
            if (revoked.contains(d.id())) {
                events.append(new AuditEvent("", EventType.DEVICE_REVOKED, now, customer, username, actor, "", "", "",
                        "", "", "", describe(d) + " revoked " + why));
            }
        }
        return revoked;
    }

    static String describe(Device d) {
        return (d.platform().isEmpty() ? "" : d.platform() + " ") + "device " + d.id();
    }
}
