package io.helpdeskverify.verification;

import java.util.Objects;

/** The help-desk technician asking for a verification; identity is platform + platform user id. */
public record Technician(Platform platform, String id, String name) {

    public Technician {
        Objects.requireNonNull(platform, "platform");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("technician id is required");
        }
        name = name == null || name.isBlank() ? id : name;
    }

    /** Same person: the display name may change between requests, the platform identity may not. */
    public boolean isSamePersonAs(Technician other) {
        return platform == other.platform && id.equals(other.id);
    }

    public String key() {
        return platform.name().toLowerCase() + ":" + id;
    }
}
