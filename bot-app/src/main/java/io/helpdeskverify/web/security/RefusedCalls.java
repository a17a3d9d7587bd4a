package io.helpdeskverify.web.security;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records an API token's refused call as {@code UNAUTHORIZED_ACTION}, with the token's name as the
 * actor. Only authenticated callers reach here: anonymous probes are answered, not logged as events.
 */
@Component
public class RefusedCalls {

    private static final Logger log = LoggerFactory.getLogger(RefusedCalls.class);

    private final EventLog events;
    private final Clock clock;

    RefusedCalls(EventLog events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(Caller.Api caller, String customer, String user, String verificationId, String reason) {
        var t = caller.technician();
        try {
            events.append(new AuditEvent("", EventType.UNAUTHORIZED_ACTION, clock.instant(), customer, user, t.name(),
                    t.key(), t.platform().name(), "", "", verificationId, "", reason));
        } catch (RuntimeException e) {
            // The refusal stands whether or not it could be written down.
            log.warn("Could not record a refused API call by {}: {}", caller, e.getMessage());
        }
    }
}
