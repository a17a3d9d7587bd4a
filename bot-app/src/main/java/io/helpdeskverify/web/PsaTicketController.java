package io.helpdeskverify.web;

import io.helpdeskverify.psa.TicketResolution;
import io.helpdeskverify.psa.TicketVerifications;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.web.security.Caller;
import java.util.List;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a verification of a PSA ticket's contact: the same workflow as {@code verify ticket} in
 * chat. The technician is the API token; a token acts only on the customers it is scoped to, and a
 * ticket of another customer reads like one of an unmapped company.
 */
@Tag(name = "PSA", description = "ConnectWise Manage and Datto Autotask: the connections, company mapping and ticket verifications.")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "TECHNICIAN")
@RestController
@RequestMapping("/api/v1/psa")
class PsaTicketController {

    private final TicketVerifications tickets;

    PsaTicketController(TicketVerifications tickets) {
        this.tickets = tickets;
    }

    @Operation(operationId = "startTicketVerification", summary = "Verify a ticket's contact (matched to an end user, or on the PSA's own contact details)")
    @ApiResponse(responseCode = "201", description = "Started; the outcome is written to the ticket as an internal note when it ends.")
    @ApiResponse(responseCode = "404", description = "No such PSA or ticket (or the ticket belongs to a customer this token may not act on).")
    @ApiResponse(responseCode = "409", description = "Several end users match the contact: send user with one of them.")
    @ApiResponse(responseCode = "422", description = "The company is not mapped, the contact cannot be verified, or the customer forbids unmatched contacts.")
    @ApiResponse(responseCode = "429", description = "Too many challenges for this user, technician or customer.")
    @ApiResponse(responseCode = "502", description = "The PSA is not connected or refused the call.")
    @PostMapping("/{provider}/tickets/{ticket}/verifications")
    ResponseEntity<TicketVerificationResponse> start(@AuthenticationPrincipal Caller.Api caller,
                                                     @PathVariable String provider, @PathVariable String ticket,
                                                     @RequestBody(required = false) TicketStartBody body) {
        var b = body == null ? new TicketStartBody(null, null, null) : body;
        var psa = PsaController.provider(provider);
        var resolution = tickets.resolve(psa, ticket, c -> caller.mayActOn(c.slug()),
                Optional.ofNullable(b.user()).filter(u -> !u.isBlank()));
        if (resolution instanceof TicketResolution.Refused refused) {
            throw refusal(refused);
        }
        if (resolution instanceof TicketResolution.Several several) {
            throw new ApiException(HttpStatus.CONFLICT, "Several end users match", "Several end users of "
                    + several.customer().name() + " match the ticket's contact: send \"user\" with one of "
                    + several.users().stream().map(u -> u.username()).toList() + ".").withReason("SEVERAL_MATCHES");
        }
        var subject = (TicketResolution.Subject) resolution;
        var result = tickets.start(subject, VerificationController.method(b.method()), caller.technician(), b.channel());
        if (result instanceof StartResult.Refused refused) {
            var status = refused.reason() == StartResult.Reason.RATE_LIMITED ? HttpStatus.TOO_MANY_REQUESTS
                    : HttpStatus.UNPROCESSABLE_ENTITY;
            throw new ApiException(status, "Not started", refused.message()).withReason(refused.reason().name())
                    .withRetryAfter(refused.reason() == StartResult.Reason.RATE_LIMITED ? 60 : 0);
        }
        var started = (StartResult.Started) result;
        return ResponseEntity.status(HttpStatus.CREATED).body(new TicketVerificationResponse(
                VerificationResponse.of(started.verification(), started.code().orElse(null)),
                new TicketBody(psa.id(), subject.ticket().id(), subject.ticket().number(),
                        subject instanceof TicketResolution.Matched, subject.remarks())));
    }

    static ApiException refusal(TicketResolution.Refused r) {
        var status = switch (r.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PSA_NOT_CONNECTED -> HttpStatus.BAD_GATEWAY;
            case PSA_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNMAPPED_COMPANY, CONTACT_NOT_VERIFIABLE, UNMATCHED_FORBIDDEN -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return new ApiException(status, r.title(), r.advice()).withReason(r.reason().name())
                .withRetryAfter(r.reason() == TicketResolution.Reason.PSA_UNAVAILABLE ? 30 : 0);
    }

    /**
     * @param user a username from an earlier 409's list, when several end users match the contact
     * @param method one of the methods; empty: the first the ladder allows
     */
    record TicketStartBody(String method, String user, String channel) {}

    /** @param matched the contact is an imported end user; false: the PSA's own contact details were used */
    record TicketBody(String provider, String id, String number, boolean matched, List<String> remarks) {}

    record TicketVerificationResponse(VerificationResponse verification, TicketBody ticket) {}
}
