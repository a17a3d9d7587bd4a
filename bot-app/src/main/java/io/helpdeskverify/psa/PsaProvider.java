package io.helpdeskverify.psa;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The PSAs a ticket can come from; {@code id} is what the API path and the chat command use. */
public enum PsaProvider {
    CONNECTWISE("connectwise", "ConnectWise Manage", "cw"),
    AUTOTASK("autotask", "Datto Autotask", "at");

    private final String id;
    private final String label;
    private final String shortName;

    PsaProvider(String id, String label, String shortName) {
        this.id = id;
        this.label = label;
        this.shortName = shortName;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** {@code connectwise}, {@code cw}, {@code autotask} or {@code at}, any case. */
    public static Optional<PsaProvider> of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(n) || p.shortName.equals(n)).findFirst();
    }
}
