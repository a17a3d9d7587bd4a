package io.helpdeskverify.playground;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in the log that the playground is off, so nobody wonders why {@code /} is a 404 in production. */
@Component
@Profile("!local")
class PlaygroundAbsence {

    private static final Logger log = LoggerFactory.getLogger(PlaygroundAbsence.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("Playground: off (it exists only in the local profile)");
    }
}
