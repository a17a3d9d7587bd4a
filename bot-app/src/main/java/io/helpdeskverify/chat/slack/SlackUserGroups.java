package io.helpdeskverify.chat.slack;

import com.slack.api.methods.MethodsClient;
import io.helpdeskverify.access.UserGroups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack user group membership for access policies, from {@code usergroups.users.list} (scope
 * {@code usergroups:read}). Asked only when a policy names a group and nothing cheaper matched;
 * each group's member list is kept briefly, so a command costs at most one call per group and a
 * removal from a group takes effect within that time. A failed lookup means "not a member" and is
 * not kept: the next request asks again.
 */
class SlackUserGroups implements UserGroups {

    private static final Logger log = LoggerFactory.getLogger(SlackUserGroups.class);
    private static final int MAX_CACHED = 1_000;

    private final MethodsClient methods;
    private final Clock clock;
    private final Duration keep;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SlackUserGroups(MethodsClient methods, Clock clock, Duration keep) {
        this.methods = methods;
        this.clock = clock;
        this.keep = keep;
    }

    @Override
    public boolean isMember(String workspace, String groupId, String userId) {
        // One bot token serves one workspace: the key still names it, so a second install never reads the first's lists.
        String key = workspace + "/" + groupId;
        Instant now = clock.instant();
        var hit = cache.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.members().contains(userId);
        }
        Optional<Set<String>> members = lookUp(groupId);
        if (members.isEmpty()) {
            return false;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Cached(members.get(), now.plus(keep)));
        return members.get().contains(userId);
    }

    private Optional<Set<String>> lookUp(String groupId) {
        try {
            var response = methods.usergroupsUsersList(r -> r.usergroup(groupId));
            if (!response.isOk() || response.getUsers() == null) {
                log.warn("usergroups.users.list for {} answered {}{}", groupId, response.getError(),
                        "missing_scope".equals(response.getError()) ? " (add usergroups:read to the app)" : "");
                return Optional.empty();
            }
            return Optional.of(Set.copyOf(response.getUsers()));
        } catch (Exception e) {
            log.warn("usergroups.users.list for {} failed: {}", groupId, e.toString());
            return Optional.empty();
        }
    }

    private record Cached(Set<String> members, Instant until) {}
}
