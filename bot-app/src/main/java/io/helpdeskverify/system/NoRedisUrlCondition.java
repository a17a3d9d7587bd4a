package io.helpdeskverify.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no external Redis is configured, so the embedded one must start. */
class NoRedisUrlCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return !StringUtils.hasText(env.getProperty("spring.data.redis.url"))
                && !StringUtils.hasText(env.getProperty("spring.data.redis.host"));
    }
}
