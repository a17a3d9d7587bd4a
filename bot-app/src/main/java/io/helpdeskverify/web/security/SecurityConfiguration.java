package io.helpdeskverify.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.psa.PodPages;
import io.helpdeskverify.shared.LocalMode;
import io.helpdeskverify.tokens.ApiTokens;
import io.helpdeskverify.tokens.Role;
import jakarta.servlet.DispatcherType;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one gate in front of every route. Deny by default: a route not named below answers 401
 * (no credential) or 403 (any credential). The allow-list of routes without a bearer is short, and
 * each of those authenticates otherwise: Slack by its request signature, Teams by the Bot
 * Framework JWT, Twilio by its callback signature, the consent callback by its one-time state,
 * enrolment by the one-time token in the body; the self-serve app's static shell ({@code GET /app/**})
 * holds no data. Matching is Spring's own, on the path Spring MVC
 * routes on, after {@link NormalisedPaths} has refused every path that could be read two ways.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String TECHNICIAN = Role.TECHNICIAN.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String AGENT = Role.AGENT.name();
    private static final String DEVICE = Caller.App.ROLE;
    private static final String POD = Caller.Pod.ROLE;
    /** The ticket page and its two files: the only routes a PSA may frame. */
    static final String USER_LINK = "/u/*";
    static final String[] POD_PAGE = {"/psa/pod", "/psa/pod.js", "/psa/pod.css"};

    @Bean
    Refusals refusals(ObjectMapper json, RefusedCalls refused) {
        return new Refusals(new Problems(json), refused);
    }

    @Bean
    WebSecurityCustomizer firewall(Refusals refusals, Environment env) {
        var semicolons = LocalMode.isLocalProfile(env)
                ? Optional.of("/playground/teams/v3/conversations/") : Optional.<String>empty();
        return web -> web.httpFirewall(new NormalisedPaths(semicolons)).requestRejectedHandler(refusals);
    }

    @Bean
    SecurityFilterChain gate(HttpSecurity http, ApiTokens tokens, DeviceService devices, PodPages pods,
                             Refusals refusals, Environment env, ObjectMapper json) throws Exception {
        boolean local = LocalMode.isLocalProfile(env);
        boolean openApi = env.getProperty("springdoc.api-docs.enabled", Boolean.class, false);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerAuthentication(tokens, devices, pods, new Problems(json)), AnonymousAuthenticationFilter.class)
                // X-Frame-Options DENY everywhere but the ticket page, whose own CSP frame-ancestors names the PSA.
                .headers(h -> h.frameOptions(f -> f.disable()).addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(java.util.Arrays.stream(POD_PAGE)
                                .map(p -> (RequestMatcher) AntPathRequestMatcher.antMatcher(HttpMethod.GET, p)).toList())),
                        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY))))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .authorizeHttpRequests(a -> {
                    // Error pages and async completions of a request that already passed this gate.
                    a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    // No route serves browsers of other origins (no CORS), so OPTIONS has nothing to answer.
                    a.requestMatchers(HttpMethod.OPTIONS, "/**").denyAll();
                    // Authenticated by signature, JWT or one-time value instead of a bearer token.
                    a.requestMatchers(HttpMethod.POST, "/slack/events", "/api/messages", "/webhooks/twilio/status")
                            .permitAll();
                    a.requestMatchers(HttpMethod.GET, "/directory/consent/callback", "/ping").permitAll();
                    // An end user's one-time link (UserLinks): the token in the path is the credential; GET only
                    // shows the page, POST answers and uses the token up.
                    a.requestMatchers(HttpMethod.GET, USER_LINK).permitAll();
                    a.requestMatchers(HttpMethod.POST, USER_LINK).permitAll();
                    a.requestMatchers(HttpMethod.POST, "/api/v1/devices").permitAll();
                    // The ticket page inside a PSA: static files, and the session it opens only once ConnectWise
                    // confirmed the member's hash, or with a one-time code the bot gave the technician.
                    a.requestMatchers(HttpMethod.GET, POD_PAGE).permitAll();
                    a.requestMatchers(HttpMethod.POST, "/api/v1/psa/*/pod/sessions").permitAll();
                    a.requestMatchers("/api/v1/psa/pod/**").hasRole(POD);
                    a.requestMatchers(HttpMethod.POST, "/api/v1/psa/*/pod/codes").hasRole(TECHNICIAN);
                    // The self-serve app's shell, manifest, settings and static files: public like any web page;
                    // every call it makes with data goes to /api/v1/devices/** or /api/v1/challenges/** below.
                    a.requestMatchers(HttpMethod.GET, "/app", "/app/", "/app/**").permitAll();
                    a.requestMatchers(HttpMethod.HEAD, "/app", "/app/", "/app/**").permitAll();
                    // Probes and the bare status; details only for ADMIN/AUDITOR (management.endpoint.health.roles).
                    a.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                            "/actuator/health/readiness").permitAll();
                    a.requestMatchers("/actuator/**").hasAnyRole(ADMIN, AUDITOR);
                    if (local) {
                        a.requestMatchers("/", "/playground/**").permitAll();
                    }
                    if (openApi) {
                        // springdoc serves the YAML beside the JSON, at a path "/v3/api-docs/**" does not match.
                        var docs = a.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**");
                        if (local) {
                            docs.permitAll();
                        } else {
                            docs.hasAnyRole(ADMIN, TECHNICIAN, AUDITOR);
                        }
                    }
                    // The self-serve app: its device secret, and only its own user's challenges (checked in the controller).
                    a.requestMatchers("/api/v1/devices/**", "/api/v1/challenges/**").hasRole(DEVICE);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/verifications/*").hasAnyRole(TECHNICIAN, AUDITOR);
                    a.requestMatchers("/api/v1/verifications", "/api/v1/verifications/**").hasRole(TECHNICIAN);
                    // The chain key can forge links (docs/audit.md): admins only, before the auditors' events rule.
                    // Every method: HEAD would otherwise fall to the auditors' rule below and be served as GET.
                    a.requestMatchers("/api/v1/events/key").hasRole(ADMIN);
                    a.requestMatchers("/api/v1/events", "/api/v1/events/**").hasRole(AUDITOR);
                    a.requestMatchers(HttpMethod.POST, "/api/v1/psa/*/tickets/*/verifications").hasRole(TECHNICIAN);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/psa/*/status", "/api/v1/psa/*/customers/*/company-suggestions")
                            .hasRole(ADMIN);
                    // A directory agent writes its one customer's directory (the controller checks which) and nothing else.
                    a.requestMatchers(HttpMethod.POST, "/api/v1/customers/*/directory/agent/changes").hasRole(AGENT);
                    a.requestMatchers("/api/v1/customers", "/api/v1/customers/**", "/api/v1/tokens",
                            "/api/v1/tokens/**", "/api/v1/webhooks", "/api/v1/webhooks/**", "/api/v1/dev/**")
                            .hasRole(ADMIN);
                    a.anyRequest().denyAll();
                });
        return http.build();
    }
}
