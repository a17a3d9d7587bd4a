package io.helpdeskverify.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warnings a technician must see before trusting a contact. A mobile number or email that changed
 * recently is a new binding (NIST SP 800-63B treats it so): attackers port a number or change the
 * directory entry shortly before they call the help desk.
 */
public final class ContactRisk {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final Duration window;

    public ContactRisk(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the contact-change warning window cannot be negative");
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** What the card says of a contact that is no imported end user: its details are the PSA's, not the directory's. */
    public static final String UNMATCHED = "Unmatched: contact details from the PSA";

    /**
     * "Mobile number changed 2 days ago", newest concern first; empty when nothing changed within the
     * window. A PSA contact outside the directory always says so first.
     */
    public List<String> warnings(EndUser user, Clock clock) {
        Instant now = clock.instant();
        var out = new ArrayList<String>();
        if (user.adHoc()) {
            out.add(UNMATCHED);
        }
        recent(user.mobileChangedAt(), now).ifPresent(at -> out.add("Mobile number changed " + ago(at, now)));
        recent(user.emailChangedAt(), now).ifPresent(at -> out.add("Email address changed " + ago(at, now)));
        return List.copyOf(out);
    }

    private Optional<Instant> recent(Optional<Instant> changedAt, Instant now) {
        return changedAt.filter(at -> !at.isBefore(now.minus(window)));
    }

    static String ago(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        return plural(d.toDays(), "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
