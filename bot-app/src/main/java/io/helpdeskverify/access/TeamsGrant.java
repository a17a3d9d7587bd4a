package io.helpdeskverify.access;

import java.util.List;

/**
 * Who of one Microsoft 365 tenant may verify a customer's end users in Teams: these users, members
 * of these teams, and anyone in these channels. All three empty means everyone of the tenant.
 *
 * @param tenant the tenant id (a GUID)
 * @param users Entra ID object ids ({@code from.aadObjectId}), not the Teams-specific {@code 29:…} ids,
 *     which differ per bot
 * @param teams team ids ({@code 19:…@thread.tacv2}, {@code channelData.team.id})
 * @param channels channel ids ({@code channelData.channel.id})
 */
public record TeamsGrant(String tenant, List<String> users, List<String> teams, List<String> channels) {

    public TeamsGrant {
        tenant = AccessIds.id("tenant", tenant);
        users = AccessIds.ids("users", users);
        teams = AccessIds.ids("teams", teams);
        channels = AccessIds.ids("channels", channels);
    }

    public static TeamsGrant everyoneOf(String tenant) {
        return new TeamsGrant(tenant, List.of(), List.of(), List.of());
    }

    public boolean everyone() {
        return users.isEmpty() && teams.isEmpty() && channels.isEmpty();
    }
}
