package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time enrolment link for {@code recipient}: the self-serve app's address with the token in
 * its fragment ({@code #enrol=…}), which browsers never send to a server and the app removes from
 * the address bar at once.
 */
public record EnrolmentInvite(EndUser recipient, String link, Instant expiresAt) {

    public EnrolmentInvite {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Never the link: it is a credential until it is used. */
    @Override
    public String toString() {
        return "EnrolmentInvite[" + recipient.customer() + "/" + recipient.username() + "]";
    }
}
