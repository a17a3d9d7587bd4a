package io.helpdeskverify.chat.slack;

import com.slack.api.methods.MethodsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name end users and auditors read for a technician: the Slack display name (or real name)
 * from {@code users.info}, not the handle a slash command carries, which an end user would not
 * recognise in "read this code to …". Looked up after the ack, cached for an hour; when the lookup
 * fails (a missing {@code users:read} scope, Slack away) the handle is used.
 */
class SlackDisplayNames {

    private static final Logger log = LoggerFactory.getLogger(SlackDisplayNames.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final int MAX_CACHED = 10_000;

    private final MethodsClient methods;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SlackDisplayNames(MethodsClient methods, Clock clock) {
        this.methods = methods;
        this.clock = clock;
    }

    String nameOf(String userId, String handle) {
        Instant now = clock.instant();
        var hit = cache.get(userId);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.name();
        }
        String name = lookUp(userId).orElse(handle);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(userId, new Cached(name, now.plus(KEEP)));
        return name;
    }

    private java.util.Optional<String> lookUp(String userId) {
        try {
            var response = methods.usersInfo(r -> r.user(userId));
            if (!response.isOk() || response.getUser() == null) {
                log.debug("users.info for {} answered {}", userId, response.getError());
                return java.util.Optional.empty();
            }
            var user = response.getUser();
            var profile = user.getProfile();
            String display = profile == null ? null : profile.getDisplayName();
            String real = profile != null && profile.getRealName() != null ? profile.getRealName() : user.getRealName();
            return java.util.Optional.ofNullable(isBlank(display) ? real : display).filter(n -> !isBlank(n));
        } catch (Exception e) {
            log.debug("users.info for {} failed: {}", userId, e.toString());
            return java.util.Optional.empty();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private record Cached(String name, Instant until) {}
}
