package io.helpdeskverify.tokens;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues, finds, revokes and checks API tokens. A token reads {@code hvt_<id>.<secret>}: the id
 * finds the stored record, the secret is compared with its keyed hash in constant time. The secret
 * exists only in the answer that issued it.
 */
public final class ApiTokens {

    public static final String PREFIX = "hvt_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]{0,63}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{20}");
    private static final int MAX_CUSTOMERS = 1000;

    private final ApiTokenStore store;
    private final EventLog events;
    private final byte[] hashKey;
    private final byte[] bootstrapHash;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param serverKey HELPDESK_SECRET; the hash key is derived from it, so a copy of Redis alone
     *     cannot even test a guessed token
     * @param bootstrapToken ADMIN_API_TOKEN, which acts as the ADMIN token named {@value ApiToken#BOOTSTRAP}
     */
    public ApiTokens(ApiTokenStore store, EventLog events, byte[] serverKey, String bootstrapToken, SecureRandom random,
                     Clock clock) {
        this.store = store;
        this.events = events;
        this.hashKey = hmac(serverKey, "helpdesk-verify api-token v1".getBytes(StandardCharsets.UTF_8));
        this.bootstrapHash = hmac(hashKey, bootstrapToken.getBytes(StandardCharsets.UTF_8));
        this.random = random;
        this.clock = clock;
    }

    public record Issued(ApiToken token, String secret) {}

    public record Request(String name, Set<Role> roles, Set<String> customers, Optional<Instant> expiresAt) {}

    /**
     * @param createdBy the issuing admin's token name
     * @param customerExists whether a slug names a customer, so a typo is refused rather than stored
     */
    public Issued issue(Request request, String createdBy, Predicate<String> customerExists) {
        String name = request.name() == null ? "" : request.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw new ApiTokenException.Invalid("name", "name must be 1 to 64 letters, digits, spaces or '.', '_', '-', "
                    + "'(', ')', starting with a letter or digit, e.g. \"psa-connector\" or \"Tina (night shift)\".");
        }
        if (name.equalsIgnoreCase(ApiToken.BOOTSTRAP)) {
            throw new ApiTokenException.Invalid("name", "'" + ApiToken.BOOTSTRAP + "' is the bootstrap token's name.");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new ApiTokenException.Invalid("roles", "roles must name at least one of ADMIN, TECHNICIAN, AUDITOR, AGENT.");
        }
        Set<Role> roles = EnumSet.copyOf(request.roles());
        if (roles.contains(Role.AGENT)) {
            agentScope(roles, request.customers() == null ? Set.of() : request.customers());
        }
        CustomerScope scope = scope(roles, request.customers() == null ? Set.of() : request.customers(), customerExists);
        Instant now = clock.instant();
        if (request.expiresAt().isPresent() && !request.expiresAt().get().isAfter(now)) {
            throw new ApiTokenException.Invalid("expiresAt", "expiresAt must be in the future.");
        }
        byte[] idBytes = new byte[10];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        var token = new ApiToken(id, name, roles, scope, now, "api:" + createdBy, request.expiresAt(), Optional.empty(),
                HexFormat.of().formatHex(hmac(hashKey, secret.getBytes(StandardCharsets.UTF_8))));
        if (!store.create(token)) {
            throw new ApiTokenException.NameTaken(name);
        }
        record(EventType.API_TOKEN_ISSUED, createdBy, "issued token '" + name + "' (" + id + "), roles " + roles
                + ", customers " + scope.asList() + request.expiresAt().map(e -> ", expires " + e).orElse(""));
        return new Issued(token, PREFIX + id + "." + secret);
    }

    public List<ApiToken> all() {
        return store.all();
    }

    public Optional<ApiToken> find(String id) {
        return ID.matcher(id).matches() ? store.find(id) : Optional.empty();
    }

    /** @param revokedBy the revoking admin's token name */
    public ApiToken revoke(String id, String revokedBy) {
        if (id.equals(bootstrap().id())) {
            throw new ApiTokenException.Bootstrap();
        }
        var token = find(id).orElseThrow(() -> new ApiTokenException.NotFound(id));
        if (token.revokedAt().isPresent()) {
            return token;
        }
        var revoked = token.revoked(clock.instant());
        store.revoke(revoked);
        record(EventType.API_TOKEN_REVOKED, revokedBy, "revoked token '" + token.name() + "' (" + id + ")");
        return revoked;
    }

    /** The active token this bearer value is, if any. */
    public Optional<ApiToken> authenticate(String bearer) {
        byte[] presented = hmac(hashKey, bearer.getBytes(StandardCharsets.UTF_8));
        if (MessageDigest.isEqual(presented, bootstrapHash)) {
            return Optional.of(bootstrap());
        }
        if (!bearer.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = bearer.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = bearer.substring(PREFIX.length(), dot);
        byte[] secretHash = hmac(hashKey, bearer.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        return find(id).filter(t -> MessageDigest.isEqual(secretHash, hex(t.secretHash())))
                .filter(t -> t.activeAt(now));
    }

    /** The token of ADMIN_API_TOKEN, as the API lists it. */
    public ApiToken bootstrap() {
        return new ApiToken("bootstrap", ApiToken.BOOTSTRAP, Set.of(Role.ADMIN), CustomerScope.everyCustomer(),
                Instant.EPOCH, "ADMIN_API_TOKEN", Optional.empty(), Optional.empty(), "");
    }

    private void record(EventType type, String admin, String reason) {
        events.append(new AuditEvent("", type, clock.instant(), "", "", admin, "api:" + admin, "API", "", "", "", "",
                reason));
    }

    private static CustomerScope scope(Set<Role> roles, Set<String> customers, Predicate<String> customerExists) {
        if (roles.contains(Role.ADMIN) && customers.isEmpty()) {
            return CustomerScope.everyCustomer();
        }
        if (customers.isEmpty()) {
            throw new ApiTokenException.Invalid("customers", "customers must list the slugs this token may act on, "
                    + "or [\"*\"] for every customer.");
        }
        if (customers.size() > MAX_CUSTOMERS) {
            throw new ApiTokenException.Invalid("customers", "customers may list at most " + MAX_CUSTOMERS + " slugs.");
        }
        if (customers.contains(CustomerScope.ALL)) {
            if (customers.size() > 1) {
                throw new ApiTokenException.Invalid("customers", "\"*\" already means every customer: list it alone.");
            }
            return CustomerScope.everyCustomer();
        }
        for (String slug : customers) {
            if (slug == null || slug.isBlank() || !customerExists.test(slug.strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new ApiTokenException.Invalid("customers", "No customer '" + slug + "'.");
            }
        }
        return CustomerScope.of(customers);
    }

    /**
     * An agent token lives on a server in the customer's network: it holds no other role, and reaches
     * exactly one customer, so a stolen one can only write that customer's directory.
     */
    private static void agentScope(Set<Role> roles, Set<String> customers) {
        if (roles.size() > 1) {
            throw new ApiTokenException.Invalid("roles", "AGENT is issued alone: a directory agent's token holds no "
                    + "other role. Issue a second token for the rest.");
        }
        if (customers.size() != 1 || customers.contains(CustomerScope.ALL)) {
            throw new ApiTokenException.Invalid("customers", "An AGENT token is for exactly one customer: "
                    + "\"customers\": [\"<slug>\"].");
        }
    }

    private static byte[] hex(String s) {
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
