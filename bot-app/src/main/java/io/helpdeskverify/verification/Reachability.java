package io.helpdeskverify.verification;

import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.EndUser;
import java.util.List;

/** What the end user's registered contacts and devices allow, with the reason push is not possible. */
public record Reachability(PushReadiness push, boolean hasMobile, boolean hasEmail) {

    public static Reachability of(EndUser user, List<Device> devices) {
        PushReadiness push;
        if (devices.isEmpty()) {
            push = PushReadiness.NO_DEVICE;
        } else if (devices.stream().anyMatch(Device::canReceivePush)) {
            push = PushReadiness.READY;
        } else if (devices.stream().noneMatch(Device::notificationsEnabled)) {
            push = PushReadiness.NOTIFICATIONS_OFF;
        } else {
            push = PushReadiness.TOKEN_REJECTED;
        }
        return new Reachability(push, user.mobile().isPresent(), user.email().isPresent());
    }

    public enum PushReadiness {
        READY(""),
        NO_DEVICE("no enrolled device"),
        NOTIFICATIONS_OFF("notifications disabled"),
        TOKEN_REJECTED("the device's push token was rejected");

        private final String reason;

        PushReadiness(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
