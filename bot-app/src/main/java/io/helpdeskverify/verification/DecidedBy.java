package io.helpdeskverify.verification;

import java.util.Objects;
import java.util.Optional;

/**
 * Who ended a verification. A record with a {@link Kind} rather than a sealed hierarchy because
 * Java 17 switches exhaustively over enums only: every place that shows a decider (card, API,
 * store) must say what it does with each kind, and a new kind fails to compile there.
 *
 * @param technician present exactly for {@link Kind#TECHNICIAN}: the requesting technician (only
 *                   they may approve, deny or cancel), named as they were when they decided; under
 *                   dual control, the second technician who confirmed or denied
 */
public record DecidedBy(Kind kind, Optional<Technician> technician) {

    public enum Kind {
        /** The end user, in the app (approve, deny, or too many wrong codes). */
        END_USER,
        /** The technician on the card (approve, deny, cancel). */
        TECHNICIAN,
        /** The deadline passed. */
        TIMER,
        /** Nothing was left on the delivery ladder. */
        DELIVERY
    }

    public static final DecidedBy END_USER = new DecidedBy(Kind.END_USER, Optional.empty());
    public static final DecidedBy TIMER = new DecidedBy(Kind.TIMER, Optional.empty());
    public static final DecidedBy DELIVERY = new DecidedBy(Kind.DELIVERY, Optional.empty());

    public DecidedBy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(technician, "technician");
        if (technician.isPresent() != (kind == Kind.TECHNICIAN)) {
            throw new IllegalArgumentException("a technician exactly when a technician decided: " + kind);
        }
    }

    public static DecidedBy technician(Technician who) {
        return new DecidedBy(Kind.TECHNICIAN, Optional.of(who));
    }
}
