package io.helpdeskverify.psa;

import java.util.Objects;

/** A company (the customer) as the PSA knows it: ConnectWise {@code company}, Autotask {@code Companies}. */
public record PsaCompany(String id, String name, String website) {

    public PsaCompany {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name.strip();
        website = website == null ? "" : website.strip();
    }
}
