package io.helpdeskverify.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document (docs/api.md): what it says about the API as a whole, its two bearer
 * credentials and the problem detail every error is. Each operation names its own credential
 * ({@code @SecurityRequirement} on the controllers, roles as the requirement's list); the errors
 * every operation shares are added by {@link OpenApiErrors}, the webhooks by {@link OpenApiWebhooks}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_TOKEN = "apiToken";
    static final String DEVICE_SECRET = "deviceSecret";
    static final String POD_SESSION = "podSession";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI helpdeskVerifyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Helpdesk Verify API").version("v1")
                        .description("Verify a caller's identity before a helpdesk acts: the admin API (customers, "
                                + "end users, devices, tokens), the technicians' verifications, the auditors' event "
                                + "log, the self-serve mobile app, and the webhooks Slack, Teams and Twilio call. "
                                + "Every error is an RFC 9457 problem detail (`application/problem+json`) whose "
                                + "`detail` says what to fix. See docs/api.md and docs/access.md.")
                        // No LICENSE file in the repository: the service is not published under an open licence.
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .components(new Components()
                        .addSecuritySchemes(API_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("hvt_<id>.<secret>").description(
                                        "An API token: the bootstrap ADMIN_API_TOKEN (role ADMIN) or a named token "
                                                + "issued through POST /api/v1/tokens (`hvt_<id>.<secret>`). Each "
                                                + "operation lists the roles that reach it; ADMIN includes "
                                                + "TECHNICIAN, AUDITOR and AGENT. A token acts only on the customers it is "
                                                + "scoped to."))
                        .addSecuritySchemes(DEVICE_SECRET, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The secret a phone got once from POST /api/v1/devices "
                                        + "(enrolment). It reaches only that device's own routes and its user's "
                                        + "challenges; a revoked device's secret is a 401."))
                        .addSecuritySchemes(POD_SESSION, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("hvp_<secret>").description("The page session of the "
                                        + "ticket page inside a PSA, from POST /api/v1/psa/{provider}/pod/sessions: one "
                                        + "technician, one ticket, minutes long; it reaches only /api/v1/psa/pod/** and "
                                        + "the verifications it started."))
                        .addSchemas(PROBLEM, problem()))
                .addTagsItem(OpenApiWebhooks.TAG);
    }

    /**
     * The webhooks first, so the shared errors are added to them too; then the schemas springdoc
     * made for what the webhooks' bodies were in Java (the Bot Framework's Activity) go.
     */
    @Bean
    OpenApiCustomizer openApiOperations() {
        var webhooks = new OpenApiWebhooks();
        var errors = new OpenApiErrors();
        return openApi -> {
            webhooks.customise(openApi);
            errors.customise(openApi);
            UnusedSchemas.remove(openApi);
            OpenApiSiemEvents.add(openApi);
        };
    }

    /** RFC 9457, with the members this API adds where they help. */
    private static Schema<Object> problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A URI naming the kind of problem; `about:blank` when the status says it all.")
                .format("uri-reference"));
        properties.put("title", string("Short, the same for every problem of this kind."));
        properties.put("status", integer("The HTTP status code."));
        properties.put("detail", string("What went wrong with this request and how to fix it."));
        properties.put("instance", string("The path of the request.").format("uri-reference"));
        properties.put("reason", string("A machine-readable reason where one helps, e.g. `RATE_LIMITED`."));
        properties.put("field", string("The request field that was refused, where there is one."));
        properties.put("line", integer("For a CSV import, the line that could not be read."));
        return new Schema<>().types(Set.of("object")).description("An RFC 9457 problem detail.")
                .properties(properties);
    }

    private static Schema<Object> string(String description) {
        return new Schema<>().types(Set.of("string")).description(description);
    }

    private static Schema<Object> integer(String description) {
        return new Schema<>().types(Set.of("integer")).description(description);
    }
}
