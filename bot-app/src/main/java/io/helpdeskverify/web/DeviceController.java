package io.helpdeskverify.web;

import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.DeviceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An end user's enrolled phones, for the admin: list them, take one or all away (a lost phone, a
 * leaver). A revoked device can no longer read or answer challenges and gets no more pushes.
 */
@Tag(name = "Devices", description = "An end user's enrolled phones, for the admin (ADMIN).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/customers/{slug}/end-users/{username}/devices")
class DeviceController {

    /** Recorded as who revoked, in the DEVICE_REVOKED event. */
    private static final String ACTOR = "admin API";

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    @Operation(operationId = "listDevices", summary = "List an end user's active devices")
    @ApiResponse(responseCode = "200", description = "The active devices (never a secret or push token).")
    @ApiResponse(responseCode = "404", description = "No such customer or end user.")
    @GetMapping
    List<DeviceView> list(@PathVariable String slug, @PathVariable String username) {
        return devices.devices(slug, username).stream().map(DeviceView::of).toList();
    }

    @Operation(operationId = "revokeDevice", summary = "Revoke one device")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = "No active device with this id for this end user.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String slug, @PathVariable String username, @PathVariable String id) {
        devices.revoke(slug, username, id, ACTOR);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "revokeAllDevices", summary = "Revoke all of an end user's devices")
    @ApiResponse(responseCode = "200", description = "How many devices were revoked.")
    @ApiResponse(responseCode = "404", description = "No such customer or end user.")
    @DeleteMapping
    Revoked revokeAll(@PathVariable String slug, @PathVariable String username) {
        return new Revoked(devices.revokeAll(slug, username, ACTOR));
    }

    /**
     * Never the secret, its hash or the FCM token: the token addresses pushes to the phone, so
     * whether there is one is all an admin needs.
     *
     * @param lastSeenAt when the app last reported its token or notification switch
     * @param canReceivePush notifications on, a token FCM has not rejected
     */
    record DeviceView(String id, String platform, Instant enrolledAt, Instant lastSeenAt, boolean notificationsEnabled,
                      boolean tokenRejected, boolean hasPushToken, boolean canReceivePush) {

        static DeviceView of(Device d) {
            return new DeviceView(d.id(), d.platform(), d.enrolledAt(), d.lastSeenAt(), d.notificationsEnabled(),
                    d.tokenRejected(), !d.fcmToken().isBlank(), d.canReceivePush());
        }
    }

    /** @param revoked how many devices were active and are now revoked */
    record Revoked(int revoked) {}
}
