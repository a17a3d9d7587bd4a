package io.helpdeskverify.directory;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for a changed mobile or email, whoever changed it (admin API, CSV, Microsoft 365):
 * the change time is stamped on the user for {@link ContactRisk} and a {@code CONTACT_CHANGED}
 * event records old and new value, masked. A user's first contacts are not a change.
 */
final class ContactChanges {

    private final EventLog events;
    private final Clock clock;

    ContactChanges(EventLog events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** {@code next} with its change times set from {@code before}. */
    EndUser stamp(Optional<EndUser> before, EndUser next) {
        if (before.isEmpty()) {
            return next;
        }
        Instant now = clock.instant();
        var old = before.get();
        var mobileAt = old.mobile().equals(next.mobile()) ? old.mobileChangedAt() : Optional.of(now);
        var emailAt = sameEmail(old.email(), next.email()) ? old.emailChangedAt() : Optional.of(now);
        return new EndUser(next.customer(), next.username(), next.displayName(), next.email(), next.mobile(),
                next.enabled(), next.source(), next.updatedAt(), next.externalId(), next.upn(), next.overrides(),
                next.synced(), mobileAt, emailAt, next.accountName(), next.links(), next.groups());
    }

    /** Appends the events for a change that is now stored. */
    void record(Optional<EndUser> before, EndUser next, String actor) {
        if (before.isEmpty()) {
            return;
        }
        var old = before.get();
        if (!old.mobile().equals(next.mobile())) {
            append(next, "mobile", old.mobile(), next.mobile(), Masking::phone, actor);
        }
        if (!sameEmail(old.email(), next.email())) {
            append(next, "email", old.email(), next.email(), Masking::email, actor);
        }
    }

    private void append(EndUser user, String field, Optional<String> from, Optional<String> to,
                        Function<String, String> mask, String actor) {
        String reason = field + " " + from.map(mask).orElse("(none)") + " → " + to.map(mask).orElse("(none)")
                + " by " + actor;
        events.append(new AuditEvent("", EventType.CONTACT_CHANGED, clock.instant(), user.customer(), user.username(),
                actor, "", "", "", field, "", "", reason));
    }

    private static boolean sameEmail(Optional<String> a, Optional<String> b) {
        return a.map(String::toLowerCase).equals(b.map(String::toLowerCase));
    }
}
