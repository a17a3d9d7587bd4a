package io.helpdeskverify.chat.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Bot Framework messaging endpoint. The SDK authenticates the request before {@link TeamsHandlers}
 * runs, so a request without a valid token changes nothing and gets 401. Without Teams settings the
 * route answers 503 with what to set.
 */
@RestController
class TeamsController {

    private static final Logger log = LoggerFactory.getLogger(TeamsController.class);

    private final ObjectProvider<BotFrameworkHttpAdapter> adapters;
    private final ObjectProvider<TeamsHandlers> bots;

    TeamsController(ObjectProvider<BotFrameworkHttpAdapter> adapters, ObjectProvider<TeamsHandlers> bots) {
        this.adapters = adapters;
        this.bots = bots;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportStatus() {
        if (bots.getIfAvailable() == null) {
            log.info("Teams: off. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID for a "
                    + "single-tenant bot) to turn it on (docs/teams.md); /api/messages answers 503 until then");
        }
    }

    @PostMapping(path = "/api/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<Object>> incoming(@RequestBody Activity activity,
            @RequestHeader(value = "Authorization", defaultValue = "") String authorization) {
        BotFrameworkHttpAdapter adapter = adapters.getIfAvailable();
        TeamsHandlers bot = bots.getIfAvailable();
        if (adapter == null || bot == null) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Teams is not configured on this server: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD "
                            + "(see docs/teams.md).");
            problem.setTitle("Teams not configured");
            return CompletableFuture.completedFuture(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
        }
        if (activity == null || activity.getType() == null) {
            return CompletableFuture.completedFuture(ResponseEntity.badRequest().body(problem("Not a Bot Framework activity.")));
        }
        CompletableFuture<ResponseEntity<Object>> answer;
        try {
            answer = adapter.processIncomingActivity(authorization, activity, bot).handle((response, error) -> {
                if (error != null) {
                    return failure(error);
                }
                if (response == null) {
                    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
                }
                return response.getBody() == null ? ResponseEntity.status(response.getStatus()).build()
                        : ResponseEntity.status(response.getStatus()).body(response.getBody());
            });
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(failure(e));
        }
        return answer;
    }

    private static ResponseEntity<Object> failure(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof AuthenticationException || cause instanceof JWTVerificationException) {
            log.info("Teams request refused: {}", cause.getMessage());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (cause instanceof TeamsHandlers.ForeignTenantException) {
            log.warn("Teams request refused: {}", cause.getMessage());
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, cause.getMessage()));
        }
        if (cause instanceof IllegalArgumentException) {
            return ResponseEntity.badRequest().body(problem(cause.getMessage()));
        }
        log.error("Teams activity failed", cause);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        // The SDK wraps a failed validation in its own CompletionException chain at various depths.
        for (Throwable x = c; x != null; x = x.getCause()) {
            // A bearer that is not a JWT at all fails in the token library, before the SDK's own checks.
            if (x instanceof AuthenticationException || x instanceof JWTVerificationException) {
                return x;
            }
        }
        return c;
    }

    private static ProblemDetail problem(String detail) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail == null ? "" : detail);
    }
}
