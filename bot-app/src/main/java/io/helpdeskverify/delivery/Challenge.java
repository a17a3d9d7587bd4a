package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.TechnicianName;
import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.verification.Method;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a sender needs to reach the end user once. Holds the plain code in memory only; it is
 * never logged (see {@link #toString()}).
 *
 * @param devices the user's devices that can receive a push now
 * @param technicianName already made safe for the end user's eyes
 */
public record Challenge(
        String verificationId,
        String challengeId,
        Method method,
        EndUser recipient,
        List<Device> devices,
        String mspName,
        TechnicianName technicianName,
        Optional<String> code,
        Instant expiresAt) {

    public Challenge {
        devices = List.copyOf(devices);
    }

    @Override
    public String toString() {
        return "Challenge[" + verificationId + " " + method + "]";
    }
}
