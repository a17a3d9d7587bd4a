package io.helpdeskverify.web;

import io.helpdeskverify.verification.Technician;
import java.util.Locale;

/** {@code {platform, id, name}} with platform one of slack, teams, api: who requested a verification. */
record TechnicianBody(String platform, String id, String name) {

    static TechnicianBody of(Technician t) {
        return new TechnicianBody(t.platform().name().toLowerCase(Locale.ROOT), t.id(), t.name());
    }
}
