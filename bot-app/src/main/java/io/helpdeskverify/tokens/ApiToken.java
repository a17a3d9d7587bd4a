package io.helpdeskverify.tokens;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named API token as stored: never the secret, only its keyed hash.
 *
 * @param id the public part of the token, used to find it and to revoke it
 * @param name who the token acts as: a verification it starts is requested by {@code api:<name>}
 * @param secretHash HMAC-SHA256 of the secret part under a key derived from HELPDESK_SECRET
 */
public record ApiToken(String id, String name, Set<Role> roles, CustomerScope customers, Instant createdAt,
                       String createdBy, Optional<Instant> expiresAt, Optional<Instant> revokedAt, String secretHash) {

    /** The bootstrap token's name; reserved, no named token may take it. */
    public static final String BOOTSTRAP = "admin";

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(createdAt, "createdAt");
        createdBy = createdBy == null ? "" : createdBy;
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        secretHash = secretHash == null ? "" : secretHash;
    }

    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    public boolean has(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }

    /** ADMIN tokens reach every customer whatever their stored scope says. */
    public boolean mayActOn(String customer) {
        return roles.contains(Role.ADMIN) || customers.includes(customer);
    }

    ApiToken revoked(Instant at) {
        return new ApiToken(id, name, roles, customers, createdAt, createdBy, expiresAt, Optional.of(at), secretHash);
    }
}
