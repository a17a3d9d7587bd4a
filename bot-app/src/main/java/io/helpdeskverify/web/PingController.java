package io.helpdeskverify.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ping}: 204, no body, no authentication, no Redis. For load balancers that only need
 * "the process answers HTTP", and as the bare endpoint the load benchmark compares the Slack ack
 * path with (same server, same filters, nothing else).
 */
@Tag(name = "Health", description = "For load balancers; the readiness and liveness probes are Spring Boot's, under /actuator/health.")
@RestController
class PingController {

    @SecurityRequirements
    @Operation(operationId = "ping", summary = "Answer 204 when the process serves HTTP (no credential, no Redis)")
    @ApiResponse(responseCode = "204", description = "The process answers.")
    @GetMapping("/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().build();
    }
}
