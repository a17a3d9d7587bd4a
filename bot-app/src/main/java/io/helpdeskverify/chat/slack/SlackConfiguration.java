package io.helpdeskverify.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import io.helpdeskverify.access.UserGroups;
import io.helpdeskverify.chat.core.AccessProperties;
import io.helpdeskverify.chat.ChatFlow;
import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.TechnicianActions;
import io.helpdeskverify.chat.cards.PlatformCalls;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Bolt for Java, on when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set. */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
class SlackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

    @Bean
    Slack slack(SlackProperties props) {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(props.apiUrl());
        // Request and response bodies hold codes and contacts: never in the SDK's log.
        config.setPrettyResponseLoggingEnabled(false);
        // The SDK's per-team/per-method call statistics feed only its async rate limiter, which the bot
        // does not use (it keeps its own budget in Redis); recording them cost CPU on every call.
        config.getMethodsConfig().setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean
    SlackChatPlatform slackChatPlatform(Slack slack, SlackProperties props, PlatformCalls calls, Clock clock,
                                        ChatProperties chat) {
        return new SlackChatPlatform(slack, props, calls, clock, chat.tickShare());
    }

    /** Membership of the Slack user groups that access policies name (docs/access.md). */
    @Bean
    UserGroups slackUserGroups(Slack slack, SlackProperties props, Clock clock, AccessProperties access) {
        return new SlackUserGroups(slack.methods(props.botToken()), clock, access.userGroupCache());
    }

    @Bean
    App slackApp(Slack slack, SlackProperties props, ChatFlow flow, TechnicianActions actions,
                 SlackChatPlatform platform, @Qualifier("chatExecutor") Executor executor, Clock clock) {
        // The auth.test cache keeps a Web API round trip out of every request's path to its ack.
        var app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(props.botToken())
                .signingSecret(props.signingSecret()).authTestCacheEnabled(true)
                // SlackController's SlackSignatureGate already checked the signature on the raw body,
                // with the SDK's own verifier, before Bolt sees the request; checking it again on the ack
                // path cost a second HMAC per request. Socket Mode requests carry no signature anyway.
                .requestVerificationEnabled(false).build());
        var names = new SlackDisplayNames(slack.methods(props.botToken()), clock);
        new SlackHandlers(flow, actions, platform, executor, names).register(app, props.command());
        log.info("Slack: {} on {}; Web API at {}", props.command(),
                props.socketMode() ? "Socket Mode" : "POST /slack/events", props.apiUrl());
        return app;
    }

    @Bean
    SlackAppServletAdapter slackAppServletAdapter(App app) {
        return new SlackAppServletAdapter(app.config());
    }

    @Bean
    SlackSocketMode slackSocketMode(App app, SlackProperties props) {
        return new SlackSocketMode(app, props);
    }
}
