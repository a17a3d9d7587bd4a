package io.helpdeskverify.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.access.AccessControl;
import io.helpdeskverify.access.AccessPolicies;
import io.helpdeskverify.access.AccessPolicy;
import io.helpdeskverify.access.SlackGrant;
import io.helpdeskverify.access.TeamsGrant;
import io.helpdeskverify.directory.DirectoryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may verify a customer's end users from Slack and Teams (docs/access.md). PUT replaces the
 * whole policy; an empty one removes it, and the global mode applies again. The body is read field
 * by field and any unknown field is refused: a misspelt {@code "user"} would otherwise be dropped
 * and silently turn a grant for one person into a grant for the whole workspace.
 */
@Tag(name = "Access policies", description = "Who may verify a customer's end users from Slack and Teams (ADMIN).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/customers/{slug}/access")
class AccessPolicyController {

    private static final Set<String> TOP = Set.of("slack", "teams");
    private static final Set<String> SLACK = Set.of("workspace", "users", "userGroups", "channels");
    private static final Set<String> TEAMS = Set.of("tenant", "users", "teams", "channels");

    private final DirectoryService directory;
    private final AccessPolicies policies;
    private final AccessControl access;

    AccessPolicyController(DirectoryService directory, AccessPolicies policies, AccessControl access) {
        this.directory = directory;
        this.policies = policies;
        this.access = access;
    }

    /**
     * @param mode the global mode
     * @param restricted whether only those listed may verify (a policy is set, or the mode is strict)
     */
    /**
     * The body's shape, for the OpenAPI document: {@link #put} reads it field by field, so that an
     * unknown field is refused instead of dropped.
     */
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record AccessPolicyBody(List<SlackGrant> slack, List<TeamsGrant> teams) {}

    record AccessPolicyResponse(String customer, String mode, boolean restricted, List<SlackGrant> slack,
                                List<TeamsGrant> teams) {}

    @Operation(operationId = "getAccessPolicy", summary = "Get who may verify this customer's end users")
    @ApiResponse(responseCode = "200", description = "The policy and the mode that applies.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @GetMapping
    AccessPolicyResponse get(@PathVariable String slug) {
        String customer = directory.customer(slug).slug();
        return response(customer, policies.find(customer).orElse(AccessPolicy.none()));
    }

    @Operation(operationId = "putAccessPolicy", summary = "Replace the customer's access policy (an empty one removes it)")
    @ApiResponse(responseCode = "200", description = "Saved; the policy as it now applies.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @ApiResponse(responseCode = "422", description = "The policy is invalid: an unknown field, a wrong type or a malformed id.")
    @PutMapping
    AccessPolicyResponse put(@PathVariable String slug,
                             @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                     schema = @Schema(implementation = AccessPolicyBody.class)))
                             @RequestBody(required = false) JsonNode body) {
        String customer = directory.customer(slug).slug();
        AccessPolicy policy = parse(body);
        policies.save(customer, policy);
        return response(customer, policy);
    }

    private AccessPolicyResponse response(String customer, AccessPolicy policy) {
        String mode = access.mode().name().toLowerCase(Locale.ROOT);
        return new AccessPolicyResponse(customer, mode, !policy.isEmpty() || "strict".equals(mode), policy.slack(),
                policy.teams());
    }

    private static AccessPolicy parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("", "The body must be a JSON object with 'slack' and/or 'teams' lists.");
        }
        knownFields(body, TOP, "");
        var slack = grants(body, "slack", SLACK, g -> new SlackGrant(text(g, "workspace"), ids(g, "users"),
                ids(g, "userGroups"), ids(g, "channels")));
        var teams = grants(body, "teams", TEAMS, g -> new TeamsGrant(text(g, "tenant"), ids(g, "users"),
                ids(g, "teams"), ids(g, "channels")));
        try {
            return new AccessPolicy(slack, teams);
        } catch (IllegalArgumentException e) {
            throw invalid("", e.getMessage());
        }
    }

    private static <T> List<T> grants(JsonNode body, String field, Set<String> allowed, Function<JsonNode, T> make) {
        JsonNode list = body.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw invalid(field, "'" + field + "' must be a list of entries.");
        }
        var out = new ArrayList<T>();
        for (int i = 0; i < list.size(); i++) {
            String path = field + "[" + i + "]";
            JsonNode g = list.get(i);
            if (!g.isObject()) {
                throw invalid(path, path + " must be an object.");
            }
            knownFields(g, allowed, path + ".");
            try {
                out.add(make.apply(g));
            } catch (IllegalArgumentException e) {
                throw invalid(path, path + "." + e.getMessage());
            }
        }
        return out;
    }

    private static void knownFields(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(prefix + name, "Unknown field '" + prefix + name + "'; expected one of "
                        + allowed.stream().sorted().toList() + ".");
            }
        }
    }

    /* Type errors are reported here; blank, long or malformed ids by the grant records themselves. */
    private static String text(JsonNode g, String field) {
        JsonNode v = g.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string.");
        }
        return v.asText();
    }

    private static List<String> ids(JsonNode g, String field) {
        JsonNode v = g.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(field + " must be a list of strings.");
        }
        var out = new ArrayList<String>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(field + " must contain strings only.");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static ApiException invalid(String field, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid access policy", detail)
                .withReason(field.isEmpty() ? "invalid_policy" : "invalid_field");
    }
}
