package io.helpdeskverify.chat.teams;

import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Bot Framework SDK's adapter, which verifies every incoming token (issuer, audience = our app
 * id, signing keys and their channel endorsement, the {@code serviceurl} claim) before our bot sees
 * the activity.
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
}
