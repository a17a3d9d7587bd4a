package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import io.helpdeskverify.chat.ChatFlow;
import io.helpdeskverify.chat.TechnicianActions;
import io.helpdeskverify.chat.cards.CardViewMapper;
import io.helpdeskverify.chat.cards.PlatformCalls;
import io.helpdeskverify.chat.cards.TechnicianCodes;
import io.helpdeskverify.chat.core.AccessGuard;
import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.store.PickerOrigins;
import io.helpdeskverify.chat.store.SeenActivities;
import io.helpdeskverify.verification.VerificationService;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Teams adapter, on when {@link TeamsEnabled} says so: every bean of it is made here (as
 * {@code SlackConfiguration} makes Slack's), and the Bot Framework SDK's adapter verifies every
 * incoming token (issuer, audience = our app id, signing keys and their channel endorsement, the
 * {@code serviceurl} claim) before our bot sees the activity.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TeamsEnabled.class)
class TeamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TeamsConfiguration.class);

    @Bean
    BotFrameworkHttpAdapter teamsAdapter(TeamsProperties props) {
        if (props.anonymous()) {
            log.warn("Teams runs WITHOUT authentication: no MICROSOFT_APP_ID is set (Bot Framework Emulator mode). "
                    + "Never expose /api/messages like this.");
        } else {
            // The SDK keeps this URL in a static field: set once here, from configuration only, and
            // only where tokens are checked at all.
            ChannelValidation.setOpenIdMetaDataUrl(props.openidMetadataUrl());
            log.info("Teams bot {} ({}), incoming tokens checked against {}", props.appId(),
                    props.singleTenant() ? "single-tenant " + props.appTenantId() : "multi-tenant",
                    props.openidMetadataUrl());
        }
        return new BotFrameworkHttpAdapter(new SimpleCredentialProvider(props.appId(), props.appPassword()),
                new SimpleChannelProvider());
    }

    @Bean
    TeamsApi teamsApi(TeamsProperties props) {
        return new TeamsApi(props);
    }

    /** Activities arrive with every RFC 3339 form of timestamp; see {@link Rfc3339Timestamps}. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer teamsActivityTimestamps() {
        return builder -> builder.mixIn(Activity.class, Rfc3339Timestamps.ActivityMixIn.class);
    }

    @Bean
    TeamsPrivateMessages teamsPrivateMessages(PickerOrigins origins) {
        return new TeamsPrivateMessages(origins);
    }

    @Bean
    TeamsChatPlatform teamsChatPlatform(TeamsApi api, PlatformCalls calls, ChatProperties chat,
                                        TeamsPrivateMessages privateMessages, TeamsProperties props) {
        return new TeamsChatPlatform(api, calls, chat, privateMessages, props);
    }

    @Bean
    CardInvokes teamsCardInvokes(VerificationService verifications, CardViewMapper mapper, TechnicianCodes codes,
                                 TechnicianActions actions, ChatFlow flow, TeamsPrivateMessages privateMessages,
                                 @Qualifier("chatExecutor") Executor executor, ObjectMapper json, TeamsProperties props) {
        return new CardInvokes(verifications, mapper, codes, actions, flow, privateMessages, executor, json, props);
    }

    @Bean
    MessageExtension teamsMessageExtension(ChatFlow flow, @Qualifier("chatExecutor") Executor executor, ObjectMapper json,
                                           TeamsProperties props) {
        return new MessageExtension(flow, executor, json, props);
    }

    @Bean
    TeamsHandlers teamsHandlers(TeamsProperties props, TeamsApi api, SeenActivities seen, CardInvokes cardInvokes,
                      MessageExtension extension, ChatFlow flow, AccessGuard guard,
                      @Qualifier("chatExecutor") Executor executor) {
        return new TeamsHandlers(props, api, seen, cardInvokes, extension, flow, guard, executor);
    }
}
