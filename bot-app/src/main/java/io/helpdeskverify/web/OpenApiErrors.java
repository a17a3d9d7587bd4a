package io.helpdeskverify.web;

import io.helpdeskverify.web.security.StoreOutage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Comparator;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The errors every operation shares, in one place instead of on every method: 400 (the gate's
 * path firewall refuses a path that could be read two ways, on every route; a body or parameter
 * that cannot be read), 401 and 403 where the operation needs a bearer, 503 with Retry-After
 * wherever Redis is used (everything but {@code /ping}). Each error response, these and those the
 * controllers declare, is the problem detail ({@code application/problem+json}) unless it says
 * otherwise (the consent page's HTML, the Teams adapter's empty 401).
 */
final class OpenApiErrors implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> complete(path, op)));
    }

    private static void complete(String path, Operation op) {
        var responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        add(responses, "400", "The path is not in normal form (the gate's firewall), or a parameter or the body "
                + "cannot be read.");
        if (needsBearer(op)) {
            add(responses, "401", "No bearer, or one that is unknown, revoked or expired.");
            add(responses, "403", "The bearer's role does not reach this operation (recorded as UNAUTHORIZED_ACTION).");
        }
        if (!path.equals("/ping")) {
            add(responses, "503", StoreOutage.DETAIL).addHeaderObject("Retry-After", retryAfter());
        }
        var sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey()))
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        sorted.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problemContent(response);
            }
            if (code.equals("429") && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                response.addHeaderObject("Retry-After", retryAfter());
            }
        });
        op.setResponses(sorted);
    }

    private static boolean needsBearer(Operation op) {
        return op.getSecurity() != null && op.getSecurity().stream().anyMatch(r -> !r.isEmpty());
    }

    private static ApiResponse add(ApiResponses responses, String code, String description) {
        return responses.computeIfAbsent(code, c -> new ApiResponse().description(description));
    }

    /*
     * Springdoc gives a declared error the success body's media type and schema (or none): the API answers
     * every error it declares without a body of its own with a problem detail. A body a controller spelt
     * out (the consent page's HTML, the Teams adapter's empty 401) stays.
     */
    private static void problemContent(ApiResponse response) {
        var content = response.getContent();
        boolean derived = content == null;
        if (content != null) {
            derived = content.remove("*/*") != null;
            derived = content.remove(org.springframework.http.MediaType.APPLICATION_JSON_VALUE) != null || derived;
        }
        if (derived) {
            response.setContent((content == null ? new Content() : content).addMediaType(PROBLEM_JSON, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/" + OpenApiConfiguration.PROBLEM))));
        }
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before trying again.")
                .schema(new Schema<>().types(Set.of("integer")));
    }
}
