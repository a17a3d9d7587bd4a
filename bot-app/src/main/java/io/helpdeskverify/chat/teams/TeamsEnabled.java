package io.helpdeskverify.chat.teams;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Teams is on with an app id, or anonymous where that is explicitly allowed (local profile, tests). */
class TeamsEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return !env.getProperty("teams.app-id", "").isBlank()
                || env.getProperty("teams.allow-anonymous", Boolean.class, false);
    }
}
