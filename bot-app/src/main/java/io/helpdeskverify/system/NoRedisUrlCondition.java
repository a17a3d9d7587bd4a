package io.helpdeskverify.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external Redis (server, Sentinel or Cluster) is configured, so the embedded one must start. */
class NoRedisUrlCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !RedisTopology.external(context.getEnvironment());
    }
}
