package io.helpdeskverify.system;

import io.helpdeskverify.verification.ChangePublisher;
import io.helpdeskverify.verification.VerificationChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hands verification changes to the {@code @EventListener}s of delivery and the chat surfaces.
 * The change is already stored when this runs, so a failing listener is logged, never rethrown:
 * the caller's answer must not depend on a card update.
 */
@Component
class SpringChangePublisher implements ChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(SpringChangePublisher.class);

    private final ApplicationEventPublisher events;

    SpringChangePublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void publish(VerificationChange change) {
        try {
            events.publishEvent(change);
        } catch (RuntimeException e) {
            log.error("A listener failed on {}", change, e);
        }
    }
}
