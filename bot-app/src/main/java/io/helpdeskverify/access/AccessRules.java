package io.helpdeskverify.access;

import io.helpdeskverify.verification.Platform;
import java.util.Optional;

/**
 * The one place that decides who may verify whom; pure, given the policy and a way to ask for
 * group membership. Two steps: the door (is this person of the organisation the bot serves at
 * all?) and the customer's policy (or the global mode when it has none).
 */
public final class AccessRules {

    private final AccessMode mode;

    public AccessRules(AccessMode mode) {
        this.mode = mode;
    }

    public AccessMode mode() {
        return mode;
    }

    /**
     * Refuses people of another organisation, whatever any policy says: Slack Connect guests in a
     * shared channel, Teams activities of another tenant, and (where a tenant is expected) of none.
     */
    public Optional<AccessDecision.Refused> door(TechnicianContext who) {
        if (who.platform() == Platform.SLACK) {
            return who.userWorkspace().filter(home -> !who.workspace().isEmpty() && !home.equals(who.workspace()))
                    .map(home -> new AccessDecision.Refused(AccessDecision.Reason.EXTERNAL_USER));
        }
        if (who.platform() == Platform.TEAMS) {
            if (who.userWorkspace().isEmpty()) {
                // Without a configured tenant (the Emulator, the playground) a tenant-less activity was always
                // served; strict mode and a single-tenant bot both need to know whose it is.
                boolean tenantExpected = mode == AccessMode.STRICT || !who.workspace().isEmpty();
                return tenantExpected ? Optional.of(new AccessDecision.Refused(AccessDecision.Reason.NO_TENANT))
                        : Optional.empty();
            }
            if (!who.userWorkspace().get().equalsIgnoreCase(who.workspace())) {
                return Optional.of(new AccessDecision.Refused(AccessDecision.Reason.FOREIGN_TENANT));
            }
        }
        return Optional.empty();
    }

    public AccessDecision decide(Optional<AccessPolicy> policy, TechnicianContext who, UserGroups groups) {
        var refused = door(who);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (policy.isEmpty() || policy.get().isEmpty()) {
            return mode == AccessMode.OPEN ? AccessDecision.allowed()
                    : AccessDecision.refused(AccessDecision.Reason.NOT_IN_POLICY);
        }
        return listed(policy.get(), who, groups) ? AccessDecision.allowed()
                : AccessDecision.refused(AccessDecision.Reason.NOT_IN_POLICY);
    }

    private static boolean listed(AccessPolicy policy, TechnicianContext who, UserGroups groups) {
        return switch (who.platform()) {
            case SLACK -> policy.slack().stream().filter(g -> g.workspace().equals(who.workspace()))
                    .anyMatch(g -> g.everyone() || g.users().contains(who.userId())
                            || (!who.channelId().isEmpty() && g.channels().contains(who.channelId()))
                            // Last: the only check that may cost a Web API call.
                            || (!who.userId().isEmpty() && g.userGroups().stream()
                                    .anyMatch(group -> groups.isMember(who.workspace(), group, who.userId()))));
            case TEAMS -> policy.teams().stream().filter(g -> g.tenant().equalsIgnoreCase(who.workspace()))
                    .anyMatch(g -> g.everyone()
                            || (!who.userId().isEmpty() && g.users().stream().anyMatch(u -> u.equalsIgnoreCase(who.userId())))
                            || (!who.teamId().isEmpty() && g.teams().contains(who.teamId()))
                            || (!who.channelId().isEmpty() && g.channels().contains(who.channelId())));
            case API -> false;
        };
    }
}
