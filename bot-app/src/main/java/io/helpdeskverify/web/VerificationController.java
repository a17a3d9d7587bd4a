package io.helpdeskverify.web;

import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.VerificationService;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same service Slack and Teams call; the API is the third surface, not a side door. */
@RestController
@RequestMapping("/api/v1/verifications")
class VerificationController {

    private final VerificationService verifications;

    VerificationController(VerificationService verifications) {
        this.verifications = verifications;
    }

    @PostMapping
    ResponseEntity<VerificationResponse> start(@RequestBody StartBody body) {
        if (body.customer() == null || body.customer().isBlank() || body.user() == null || body.user().isBlank()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "customer and user are required.");
        }
        if (body.technician() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                    "technician {platform, id, name} is required.");
        }
        var request = new StartRequest(body.customer(), body.user(), method(body.method()), body.technician().toTechnician(),
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

    @GetMapping("/{id}")
    VerificationResponse get(@PathVariable String id) {
        return verifications.find(id).map(v -> VerificationResponse.of(v, null))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Not found", "No verification '" + id + "'."));
    }

    @PostMapping("/{id}/decision")
    VerificationResponse decide(@PathVariable String id, @RequestBody DecisionBody body) {
        if (body.technician() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "technician is required.");
        }
        boolean approve = switch (body.decision() == null ? "" : body.decision().toLowerCase(Locale.ROOT)) {
            case "approve" -> true;
            case "deny" -> false;
            default -> throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                    "decision must be \"approve\" or \"deny\".");
        };
        return done(verifications.decide(id, body.technician().toTechnician(), approve));
    }

    @PostMapping("/{id}/cancel")
    VerificationResponse cancel(@PathVariable String id, @RequestBody CancelBody body) {
        if (body.technician() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "technician is required.");
        }
        return done(verifications.cancel(id, body.technician().toTechnician()));
    }

    private static VerificationResponse done(ActionResult result) {
        if (result instanceof ActionResult.Done d) {
            return VerificationResponse.of(d.verification(), null);
        }
        throw Rejections.toApi(result);
    }

    private static Optional<Method> method(String name) {
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

    record StartBody(String customer, String user, String method, TechnicianBody technician, String channel) {}

    record DecisionBody(String decision, TechnicianBody technician) {}

    record CancelBody(TechnicianBody technician) {}
}
