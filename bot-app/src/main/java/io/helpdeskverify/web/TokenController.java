package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.tokens.ApiToken;
import io.helpdeskverify.tokens.ApiTokens;
import io.helpdeskverify.tokens.Role;
import io.helpdeskverify.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Named API tokens (ADMIN only): issued once with their secret, listed and revoked without it. */
@Tag(name = "Tokens", description = "Named API tokens with roles and customer scopes (ADMIN).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final ApiTokens tokens;
    private final DirectoryRepository directory;

    TokenController(ApiTokens tokens, DirectoryRepository directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    @Operation(operationId = "issueToken", summary = "Issue a named API token; its secret is shown only in this answer")
    @ApiResponse(responseCode = "201", description = "Issued.")
    @ApiResponse(responseCode = "409", description = "An active token has this name.")
    @ApiResponse(responseCode = "422", description = "A field is invalid (the detail names it).")
    @PostMapping
    ResponseEntity<IssuedResponse> issue(@AuthenticationPrincipal Caller.Api admin, @RequestBody TokenRequest body) {
        var issued = tokens.issue(new ApiTokens.Request(body.name(), roles(body.roles()),
                body.customers() == null ? Set.of() : new LinkedHashSet<>(body.customers()),
                Optional.ofNullable(body.expiresAt())), admin.token().name(),
                slug -> directory.customer(slug).isPresent());
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedResponse(TokenResponse.of(issued.token()),
                issued.secret()));
    }

    @Operation(operationId = "listTokens", summary = "List the API tokens, the bootstrap one first")
    @GetMapping
    List<TokenResponse> list() {
        var out = new ArrayList<TokenResponse>();
        out.add(TokenResponse.of(tokens.bootstrap()));
        tokens.all().forEach(t -> out.add(TokenResponse.of(t)));
        return out;
    }

    @Operation(operationId = "getToken", summary = "Get one API token")
    @ApiResponse(responseCode = "200", description = "The token (never its secret).")
    @ApiResponse(responseCode = "404", description = "No token with this id.")
    @GetMapping("/{id}")
    TokenResponse get(@PathVariable String id) {
        if (id.equals(tokens.bootstrap().id())) {
            return TokenResponse.of(tokens.bootstrap());
        }
        return tokens.find(id).map(TokenResponse::of)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Not found", "No token with id '" + id + "'."));
    }

    @Operation(operationId = "revokeToken", summary = "Revoke an API token")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = "No token with this id.")
    @ApiResponse(responseCode = "409", description = "The bootstrap token cannot be revoked here.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Caller.Api admin, @PathVariable String id) {
        tokens.revoke(id, admin.token().name());
        return ResponseEntity.noContent().build();
    }

    private static Set<Role> roles(List<String> names) {
        var out = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                out.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                        "roles: '" + name + "' is not one of ADMIN, TECHNICIAN, AUDITOR, AGENT.").withReason("roles");
            }
        }
        return out;
    }

    /**
     * @param customers slugs the token may act on, or ["*"] for all; ADMIN tokens reach every customer
     * @param expiresAt optional; the token stops working then
     */
    record TokenRequest(String name, List<String> roles, List<String> customers, Instant expiresAt) {}

    record TokenResponse(String id, String name, List<String> roles, List<String> customers, Instant createdAt,
                         String createdBy, Instant expiresAt, Instant revokedAt, boolean active) {
        static TokenResponse of(ApiToken t) {
            return new TokenResponse(t.id(), t.name(), t.roles().stream().sorted().map(Role::name).toList(),
                    List.copyOf(t.customers().asList()), t.createdAt(), t.createdBy(), t.expiresAt().orElse(null),
                    t.revokedAt().orElse(null), t.activeAt(Instant.now()));
        }
    }

    /** @param token the bearer value, shown this once and stored only as a keyed hash */
    record IssuedResponse(TokenResponse tokenInfo, String token) {}
}
