package io.helpdeskverify.web;

import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.Technician;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** {@code {platform, id, name}} with platform one of slack, teams, api. */
record TechnicianBody(String platform, String id, String name) {

    static TechnicianBody of(Technician t) {
        return new TechnicianBody(t.platform().name().toLowerCase(Locale.ROOT), t.id(), t.name());
    }

    Technician toTechnician() {
        if (platform == null || id == null || id.isBlank()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                    "technician needs platform (slack, teams or api), id and name.");
        }
        Platform p;
        try {
            p = Platform.valueOf(platform.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                    "technician.platform must be slack, teams or api, not '" + platform + "'.");
        }
        if (id.length() > 128 || (name != null && name.length() > 256)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "technician id or name is too long.");
        }
        return new Technician(p, id.strip(), name);
    }
}
