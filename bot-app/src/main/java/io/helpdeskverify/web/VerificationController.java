package io.helpdeskverify.web;

import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.VerificationService;
import io.helpdeskverify.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same service Slack and Teams call; the API is the third surface, not a side door. The
 * technician is the API token ({@code api:<token name>}), never a name the body claims, and a
 * token acts only on the customers it is scoped to: another customer reads as unknown.
 */
@Tag(name = "Verifications", description = "Verify an end user as a technician; the API token is the technician.")
@RestController
@RequestMapping("/api/v1/verifications")
class VerificationController {

    private final VerificationService verifications;
    private final ApiScope scope;

    VerificationController(VerificationService verifications, ApiScope scope) {
        this.verifications = verifications;
        this.scope = scope;
    }

    @SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "TECHNICIAN")
    @Operation(operationId = "startVerification", summary = "Start a verification; the code, where the technician needs it, is only in this answer")
    @ApiResponse(responseCode = "201", description = "Started.")
    @ApiResponse(responseCode = "404", description = "No such customer or end user (or outside the token's customers).")
    @ApiResponse(responseCode = "422", description = "The end user is disabled, the method is not available, or a field is invalid.")
    @ApiResponse(responseCode = "429", description = "Too many challenges in a window (reason RATE_LIMITED); see Retry-After.")
    @PostMapping
    ResponseEntity<VerificationResponse> start(@AuthenticationPrincipal Caller.Api caller, @RequestBody StartBody body) {
        if (body.customer() == null || body.customer().isBlank() || body.user() == null || body.user().isBlank()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "customer and user are required.");
        }
        if (body.technician() != null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "Leave out 'technician': a "
                    + "verification started through the API is requested by its API token (here "
                    + caller.technician().key() + "). Issue a token per person or system through /api/v1/tokens.")
                    .withReason("technician_from_token");
        }
        scope.requireCustomer(caller, body.customer(), body.user());
        var request = new StartRequest(body.customer(), body.user(), method(body.method()), caller.technician(),
                body.channel());
        var result = verifications.start(request);
        if (result instanceof StartResult.Started started) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(VerificationResponse.of(started.verification(), started.code().orElse(null)));
        }
        var refused = (StartResult.Refused) result;
        var status = switch (refused.reason()) {
            case UNKNOWN_CUSTOMER, UNKNOWN_USER -> HttpStatus.NOT_FOUND;
            case USER_DISABLED, METHOD_NOT_AVAILABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        String title = switch (refused.reason()) {
            case UNKNOWN_CUSTOMER -> "Unknown customer";
            case UNKNOWN_USER -> "Unknown end user";
            case USER_DISABLED -> "End user disabled";
            case METHOD_NOT_AVAILABLE -> "Method not available";
            case RATE_LIMITED -> "Too many challenges";
        };
        // A refused start stored nothing but, for rate limits, its RATE_LIMITED event.
        throw new ApiException(status, title, refused.message())
                .withReason(refused.reason().name())
                .withRetryAfter(refused.reason() == StartResult.Reason.RATE_LIMITED ? 60 : 0);
    }

    @SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "TECHNICIAN")
    @SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "AUDITOR")
    @Operation(operationId = "getVerification", summary = "Get a verification")
    @ApiResponse(responseCode = "200", description = "The verification (never its code).")
    @ApiResponse(responseCode = "404", description = "No such verification (or outside the token's customers).")
    @GetMapping("/{id}")
    VerificationResponse get(@AuthenticationPrincipal Caller.Api caller, @PathVariable String id) {
        return VerificationResponse.of(scope.requireVerification(caller, id, "read"), null);
    }

    @SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "TECHNICIAN")
    @Operation(operationId = "decideVerification", summary = "Approve or deny a verification the technician decides")
    @ApiResponse(responseCode = "200", description = "Decided; the verification as it now is.")
    @ApiResponse(responseCode = "404", description = "No such verification.")
    @ApiResponse(responseCode = "403", description = "Another technician's verification (recorded as UNAUTHORIZED_ACTION), "
            + "or under dual control the requester trying to confirm their own approval.")
    @ApiResponse(responseCode = "409", description = "Already decided (the detail gives the outcome), or not possible yet.")
    @ApiResponse(responseCode = "410", description = "Past its deadline.")
    @ApiResponse(responseCode = "422", description = "The decision is not approve/deny, or this method is not decided by the technician.")
    @PostMapping("/{id}/decision")
    VerificationResponse decide(@AuthenticationPrincipal Caller.Api caller, @PathVariable String id,
                                @RequestBody DecisionBody body) {
        scope.requireVerification(caller, id, "decide");
        boolean approve = switch (body.decision() == null ? "" : body.decision().toLowerCase(Locale.ROOT)) {
            case "approve" -> true;
            case "deny" -> false;
            default -> throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                    "decision must be \"approve\" or \"deny\".");
        };
        return done(verifications.decide(id, caller.technician(), approve));
    }

    /** The body is optional: the token says who cancels. */
    @SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "TECHNICIAN")
    @Operation(operationId = "cancelVerification", summary = "Cancel a verification")
    @ApiResponse(responseCode = "200", description = "Cancelled; the verification as it now is.")
    @ApiResponse(responseCode = "404", description = "No such verification.")
    @ApiResponse(responseCode = "409", description = "Already decided.")
    @ApiResponse(responseCode = "410", description = "Past its deadline.")
    @ApiResponse(responseCode = "422", description = "Not possible for this verification.")
    @PostMapping("/{id}/cancel")
    VerificationResponse cancel(@AuthenticationPrincipal Caller.Api caller, @PathVariable String id) {
        scope.requireVerification(caller, id, "cancel");
        return done(verifications.cancel(id, caller.technician()));
    }

    private static VerificationResponse done(ActionResult result) {
        if (result instanceof ActionResult.Done d) {
            return VerificationResponse.of(d.verification(), null);
        }
        throw Rejections.toApi(result);
    }

    static Optional<Method> method(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Method.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                    "method must be one of " + Arrays.toString(Method.values()) + ", not '" + name + "'.");
        }
    }

    /** @param technician no longer accepted (the token is the technician); present only to refuse it clearly */
    record StartBody(String customer, String user, String method,
                     @Schema(description = "Refused (422): the API token is the technician.", deprecated = true)
                     Object technician, String channel) {}

    record DecisionBody(String decision) {}
}
