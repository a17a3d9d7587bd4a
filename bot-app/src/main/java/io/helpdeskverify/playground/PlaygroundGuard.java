package io.helpdeskverify.playground;

import io.helpdeskverify.shared.UnsafeSettingException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The playground drives the bot through fakes it serves itself, without signatures a real
 * platform would check, and its Reset wipes Redis. So it refuses to start beside anything real: a
 * real Slack signing secret, a Teams app id, or a Redis of one's own.
 */
final class PlaygroundGuard {

    static final String PLAYGROUND_SIGNING_SECRET = "playground-signing-secret-local-only";

    private PlaygroundGuard() {}

    static void check(Environment env) {
        String secret = env.getProperty("helpdesk.slack.signing-secret", "");
        if (StringUtils.hasText(secret) && !secret.equals(PLAYGROUND_SIGNING_SECRET)) {
            refuse("SLACK_SIGNING_SECRET", "a real Slack app's signing secret");
        }
        if (StringUtils.hasText(env.getProperty("teams.app-id"))) {
            refuse("MICROSOFT_APP_ID", "a real Teams bot");
        }
        if (StringUtils.hasText(env.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.host"))) {
            refuse("REDIS_URL", "a Redis of your own (the playground's Reset wipes it)");
        }
        if (StringUtils.hasText(env.getProperty("spring.data.redis.sentinel.master"))) {
            refuse("REDIS_SENTINEL_MASTER", "a Redis of your own (the playground's Reset wipes it)");
        }
    }

    private static void refuse(String variable, String what) {
        throw new UnsafeSettingException(variable, "is set to " + what + ", and the local profile's playground "
                + "must not run beside real services", "Unset " + variable + " to run the playground, or run without "
                + "SPRING_PROFILES_ACTIVE=local to use real services");
    }
}
