package io.helpdeskverify.chat.core;

import io.helpdeskverify.access.AccessControl;
import io.helpdeskverify.access.AccessDecision;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chat side of "who may verify whom": asks {@link AccessControl}, records every refusal as an
 * {@code UNAUTHORIZED_ACTION} event, and words the refusals. What a refused person is told never
 * names a customer or end user they may not verify.
 */
@Component
public class AccessGuard {

    private static final Logger log = LoggerFactory.getLogger(AccessGuard.class);

    private final AccessControl access;
    private final EventLog events;
    private final Clock clock;

    AccessGuard(AccessControl access, EventLog events, Clock clock) {
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public TechnicianAccess of(TechnicianContext who) {
        return new TechnicianAccess(access, who);
    }

    /** For adapters that show a personal view (the Teams code refresh): may this person still verify the customer? */
    public boolean mayVerify(TechnicianContext who, String customer) {
        return access.decide(customer, who) instanceof AccessDecision.Allowed;
    }

    /**
     * For adapters that refuse a request before it reaches the flow (Teams answers another tenant's
     * activity with 403): the refusal is recorded and worded here, so both platforms say the same.
     *
     * @return the refusal to tell the person, empty when they are of the organisation the bot serves
     */
    public Optional<String> refuseAtTheDoor(Technician who, TechnicianContext where, String what) {
        var refused = access.door(where);
        refused.ifPresent(r -> record(who, where, "", "", Optional.empty(), what, r.reason()));
        return refused.map(r -> String.join(" ", doorNotice(r.reason()).view().title(),
                String.join(" ", doorNotice(r.reason()).view().lines())));
    }

    public Optional<AccessDecision.Refused> door(TechnicianContext where) {
        return access.door(where);
    }

    /** Records a refused command or click; {@code what} says what was tried, e.g. "verify jdoe@acme". */
    public void record(Technician who, TechnicianContext where, String customer, String user, Optional<Verification> v,
                String what, AccessDecision.Reason reason) {
        String detail = what + ": refused, " + reason.description()
                + where.userWorkspace().filter(home -> !home.equalsIgnoreCase(where.workspace()))
                        .map(home -> " (their workspace or tenant: " + home + ")").orElse("");
        try {
            events.append(new AuditEvent("", EventType.UNAUTHORIZED_ACTION, clock.instant(),
                    v.map(Verification::customer).orElse(customer), v.map(Verification::endUser).orElse(user),
                    who.name(), who.key(), who.platform().name(),
                    v.map(Verification::channel).orElse(where.channelId()), v.map(x -> x.method().name()).orElse(""),
                    v.map(Verification::id).orElse(""), "", detail));
        } catch (RuntimeException e) {
            // The refusal itself stands; losing its audit row must not turn it into an error for the person.
            log.warn("Could not record a refused action by {}: {}", who.key(), e.getMessage());
        }
    }

    /** What someone of another organisation is told. */
    public static PrivateMessage.Notice doorNotice(AccessDecision.Reason reason) {
        return switch (reason) {
            case EXTERNAL_USER -> PrivateMessage.Notice.error("Helpdesk Verify is only for the technicians of this workspace.",
                    "People from other organisations in a shared channel cannot start, see or decide verifications. "
                            + "This attempt was recorded.");
            case FOREIGN_TENANT, NO_TENANT -> PrivateMessage.Notice.error(
                    "Helpdesk Verify serves only the Microsoft 365 organisation it is installed for.",
                    "Requests from other organisations (or that name none) are refused. This attempt was recorded.");
            case NOT_IN_POLICY -> PrivateMessage.Notice.error("You may not verify this customer's users.",
                    "Ask your MSP admin to add you to the customer's access policy. This attempt was recorded.");
        };
    }
}
