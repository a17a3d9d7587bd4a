package io.helpdeskverify.playground;

import io.helpdeskverify.verification.VerificationChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The browser playground: a fake Slack workspace, a fake Teams tenant and a phone on one page,
 * talking to the bot only through its real endpoints. Local profile only: elsewhere none of these
 * beans exist, so every playground route is a 404.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class PlaygroundConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PlaygroundConfiguration.class);

    PlaygroundConfiguration(Environment env) {
        PlaygroundGuard.check(env);
    }

    @Bean(destroyMethod = "close")
    PlaygroundHub playgroundHub() {
        return new PlaygroundHub();
    }

    @Bean
    Loopback playgroundLoopback(ApplicationContext context) {
        return new Loopback(context);
    }

    @Bean
    PlaygroundReset playgroundReset(DemoReset demo, PlaygroundHub hub) {
        return new PlaygroundReset(demo, hub);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/playground/assets/**").addResourceLocations("classpath:/playground/");
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent ready) {
        log.info("Playground: open {}/ (Slack pane, Teams pane and the end user's phone)",
                ready.getApplicationContext().getBean(Loopback.class).baseUrl().replace("127.0.0.1", "localhost"));
    }

    /** Verification changes move the phone pane (challenges, outbox) too. */
    @Bean
    PlaygroundLiveUpdates playgroundLiveUpdates(PlaygroundHub hub) {
        return new PlaygroundLiveUpdates(hub);
    }

    static final class PlaygroundLiveUpdates {
        private final PlaygroundHub hub;

        PlaygroundLiveUpdates(PlaygroundHub hub) {
            this.hub = hub;
        }

        @EventListener
        void onChange(VerificationChange change) {
            hub.changed();
        }
    }
}
