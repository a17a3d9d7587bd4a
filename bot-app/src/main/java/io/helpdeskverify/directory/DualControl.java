package io.helpdeskverify.directory;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A customer's dual-control policy: whose verifications need a second technician. High-risk people
 * are named one by one (username, email, UPN, AD account name or directory object id), or by the
 * directory groups they are members of, or every verification of the customer is covered.
 *
 * @param highRiskUsers lower-case identifiers of high-risk end users
 * @param highRiskGroups groups whose members are high-risk, as the admin spelled them: an entry matches a
 *                       group's name case-insensitively ({@code domain admins}), or its id exactly (Graph's
 *                       object id, AD's distinguished name)
 * @param allVerifications every verification of this customer needs a second technician (e.g. for an
 *                         MSP whose every verification is followed by an MFA or password reset)
 */
public record DualControl(Set<String> highRiskUsers, Set<String> highRiskGroups, boolean allVerifications) {

    /** At most this many named users: the policy is stored inside the customer's record. */
    public static final int MAX_USERS = 1000;
    /** At most this many groups, for the same reason. */
    public static final int MAX_GROUPS = 100;
    public static final DualControl OFF = new DualControl(Set.of(), Set.of(), false);

    public DualControl {
        var users = new TreeSet<String>();
        (highRiskUsers == null ? Set.<String>of() : highRiskUsers).forEach(u -> users.add(normal(u)));
        highRiskUsers = Collections.unmodifiableSet(users);
        // Stored before groups existed: none.
        var groups = new LinkedHashSet<String>();
        (highRiskGroups == null ? Set.<String>of() : highRiskGroups).forEach(g -> groups.add(g.strip()));
        highRiskGroups = Collections.unmodifiableSet(groups);
    }

    public DualControl(Set<String> highRiskUsers, boolean allVerifications) {
        this(highRiskUsers, Set.of(), allVerifications);
    }

    public boolean enabled() {
        return allVerifications || !highRiskUsers.isEmpty() || !highRiskGroups.isEmpty();
    }

    /** Whether verifying this end user needs a second technician. */
    public boolean covers(EndUser user) {
        return why(user).isPresent();
    }

    /**
     * Why verifying this end user needs a second technician, in words for the card and the events
     * ("member of Domain Admins"); empty when it does not. A named user is the first reason, then the
     * first high-risk group they are a member of.
     */
    public Optional<String> why(EndUser user) {
        if (allVerifications) {
            return Optional.of("every verification of the customer");
        }
        if (!highRiskUsers.isEmpty() && Stream.of(Optional.of(user.username()), user.email(), user.upn(),
                        user.accountName(), user.externalId())
                .flatMap(Optional::stream).map(DualControl::normal).anyMatch(highRiskUsers::contains)) {
            return Optional.of("named high-risk user");
        }
        if (highRiskGroups.isEmpty()) {
            return Optional.empty();
        }
        return user.memberOf().stream().filter(this::highRisk).findFirst().map(g -> "member of " + g.name());
    }

    private boolean highRisk(EndUser.Group group) {
        return highRiskGroups.stream().anyMatch(entry -> entry.equalsIgnoreCase(group.name())
                || group.id().filter(entry::equals).isPresent());
    }

    private static String normal(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }
}
