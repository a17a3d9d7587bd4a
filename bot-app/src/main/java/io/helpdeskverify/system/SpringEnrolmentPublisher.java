package io.helpdeskverify.system;

import io.helpdeskverify.directory.DeviceEnrolled;
import io.helpdeskverify.directory.EnrolmentPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hands a new device to the {@code @EventListener}s (delivery tells the user about it). The device
 * is already stored when this runs, so a failing listener is logged, never rethrown: the app's
 * enrolment must not fail because a notice could not be sent.
 */
@Component
class SpringEnrolmentPublisher implements EnrolmentPublisher {

    private static final Logger log = LoggerFactory.getLogger(SpringEnrolmentPublisher.class);

    private final ApplicationEventPublisher events;

    SpringEnrolmentPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void enrolled(DeviceEnrolled enrolled) {
        try {
            events.publishEvent(enrolled);
        } catch (RuntimeException e) {
            log.error("A listener failed on the enrolment of device {}", enrolled.device().id(), e);
        }
    }
}
