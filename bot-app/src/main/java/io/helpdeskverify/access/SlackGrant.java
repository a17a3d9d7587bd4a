package io.helpdeskverify.access;

import java.util.List;

/**
 * Who of one Slack workspace may verify a customer's end users: these users, members of these user
 * groups, and anyone in these channels. All three empty means everyone of the workspace.
 *
 * @param workspace the Slack team id ({@code T…})
 * @param users Slack user ids ({@code U…}, {@code W…})
 * @param userGroups Slack user group ids ({@code S…}); membership is asked of Slack
 * @param channels channel ids ({@code C…}, {@code G…}) where anyone may verify
 */
public record SlackGrant(String workspace, List<String> users, List<String> userGroups, List<String> channels) {

    public SlackGrant {
        workspace = AccessIds.id("workspace", workspace);
        users = AccessIds.ids("users", users);
        userGroups = AccessIds.ids("userGroups", userGroups);
        channels = AccessIds.ids("channels", channels);
    }

    public static SlackGrant everyoneOf(String workspace) {
        return new SlackGrant(workspace, List.of(), List.of(), List.of());
    }

    public boolean everyone() {
        return users.isEmpty() && userGroups.isEmpty() && channels.isEmpty();
    }
}
