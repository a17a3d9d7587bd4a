package io.helpdeskverify.chat.slack;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Slack is on when both the bot token and the signing secret are set; either alone is not enough. */
class SlackEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return !env.getProperty("helpdesk.slack.bot-token", "").isBlank()
                && !env.getProperty("helpdesk.slack.signing-secret", "").isBlank();
    }
}
