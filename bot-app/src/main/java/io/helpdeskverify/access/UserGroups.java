package io.helpdeskverify.access;

/**
 * Membership of platform user groups (Slack: {@code usergroups.users.list}). Asked only when a
 * policy names groups and nothing else matched, so a policy without groups costs no API call.
 */
@FunctionalInterface
public interface UserGroups {

    /** False when it cannot be known (the platform unreachable, a missing scope): no membership, no access. */
    boolean isMember(String workspace, String groupId, String userId);

    static UserGroups none() {
        return (workspace, groupId, userId) -> false;
    }
}
