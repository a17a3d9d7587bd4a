package io.helpdeskverify.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the API and its bearer authentication in the generated OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI helpdeskVerifyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Helpdesk Verify API").version("v1").description(
                        "Admin API (bearer API token: ADMIN_API_TOKEN or a named token with roles, see docs/access.md) "
                                + "and mobile-app API (bearer device secret). See docs/api.md."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
