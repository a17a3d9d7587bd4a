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
 * @param reverse the reverse check: the user compares the code with the one the technician reads out
 * @param link the one-time link an SMS or email carries (the reverse check's answer, or "I did not
 *     ask for this"); empty for a push, or without {@code HELPDESK_PUBLIC_URL}
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
        Instant expiresAt,
        boolean reverse,
        Optional<String> link) {

    public Challenge {
        devices = List.copyOf(devices);
    }

    /** A challenge that checks the user, without a link. */
    public Challenge(String verificationId, String challengeId, Method method, EndUser recipient, List<Device> devices,
                     String mspName, TechnicianName technicianName, Optional<String> code, Instant expiresAt) {
        this(verificationId, challengeId, method, recipient, devices, mspName, technicianName, code, expiresAt, false,
                Optional.empty());
    }

    @Override
    public String toString() {
        return "Challenge[" + verificationId + " " + method + (reverse ? " reverse" : "") + "]";
    }
}
