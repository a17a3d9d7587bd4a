package io.helpdeskverify.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A customer's dual-control policy: whose verifications need a second technician. The directory
 * holds no group membership, so high-risk people are named one by one (username, email, UPN,
 * AD account name or directory object id), or every verification of the customer is covered.
 *
 * @param highRiskUsers lower-case identifiers of high-risk end users
 * @param allVerifications every verification of this customer needs a second technician (e.g. for an
 *                         MSP whose every verification is followed by an MFA or password reset)
 */
public record DualControl(Set<String> highRiskUsers, boolean allVerifications) {

    /** At most this many named users: the policy is stored inside the customer's record. */
    public static final int MAX_USERS = 1000;
    public static final DualControl OFF = new DualControl(Set.of(), false);

    public DualControl {
        var users = new TreeSet<String>();
        (highRiskUsers == null ? Set.<String>of() : highRiskUsers).forEach(u -> users.add(normal(u)));
        highRiskUsers = java.util.Collections.unmodifiableSet(users);
    }

    public boolean enabled() {
        return allVerifications || !highRiskUsers.isEmpty();
    }

    /** Whether verifying this end user needs a second technician. */
    public boolean covers(EndUser user) {
        if (allVerifications) {
            return true;
        }
        if (highRiskUsers.isEmpty()) {
            return false;
        }
        return Stream.of(Optional.of(user.username()), user.email(), user.upn(), user.accountName(), user.externalId())
                .flatMap(Optional::stream).map(DualControl::normal).anyMatch(highRiskUsers::contains);
    }

    private static String normal(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }
}
