package io.helpdeskverify.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;

/**
 * The build's class-data-sharing training run ({@code -Dhelpdesk.cds-training=true}, bot-app/pom.xml):
 * start completely, as a real start does up to "ready", then close the context properly and exit,
 * so that the JVM writes the archive of every class a start loads. Spring's own
 * {@code spring.context.exit=onRefresh} halts before the web server and without closing beans, which
 * would leave the embedded redis-server running behind the build.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "helpdesk.cds-training", havingValue = "true")
class CdsTrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(CdsTrainingRun.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info("Class-data-sharing training run: started, closing and exiting so the JVM writes the archive");
        System.exit(SpringApplication.exit(event.getApplicationContext()));
    }
}
