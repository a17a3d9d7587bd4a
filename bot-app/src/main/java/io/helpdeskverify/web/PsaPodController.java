package io.helpdeskverify.web;

import io.helpdeskverify.psa.MemberProof;
import io.helpdeskverify.psa.PodPages;
import io.helpdeskverify.psa.PodTicket;
import io.helpdeskverify.psa.PsaProvider;
import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
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
 * The ticket page's API (docs/psa.md#the-pod-page). A page session is opened only after ConnectWise
 * confirmed the member with their own hash, or with a one-time code the bot issued to a technician
 * (Autotask); it is a bearer the page keeps in memory, never in a URL, and it reaches only its own
 * ticket and the verifications it started.
 */
@Tag(name = "PSA", description = "ConnectWise Manage and Datto Autotask: the connections, company mapping and ticket verifications.")
@RestController
@RequestMapping("/api/v1/psa")
class PsaPodController {

    private final PodPages pods;

    PsaPodController(PodPages pods) {
        this.pods = pods;
    }

    @SecurityRequirements
    @Operation(operationId = "openConnectWisePod", summary = "Open the ticket page in a ConnectWise Manage pod (the member's hash, checked with ConnectWise, is the credential)")
    @ApiResponse(responseCode = "201", description = "ConnectWise confirmed the member: the page session (shown only here) and the ticket.")
    @ApiResponse(responseCode = "401", description = "ConnectWise did not confirm the member: no session.")
    @ApiResponse(responseCode = "404", description = "No such ticket, or ConnectWise is not connected to this bot.")
    @ApiResponse(responseCode = "422", description = "The ticket's company is not mapped, or its contact cannot be verified.")
    @ApiResponse(responseCode = "502", description = "ConnectWise is not connected or refused the bot's own call.")
    @ApiResponse(responseCode = "503", description = "ConnectWise is not answering.")
    @PostMapping("/connectwise/pod/sessions")
    ResponseEntity<SessionResponse> openConnectWise(@RequestBody MemberBody body) {
        return opened(pods.openConnectWise(body.ticketId() == null ? "" : body.ticketId(),
                new MemberProof(body.companyId(), body.memberId(), body.memberHash(), body.memberContext())));
    }

    @SecurityRequirements
    @Operation(operationId = "openPodWithCode", summary = "Open the ticket page from an Autotask LiveLink with a one-time code (the credential, in the body)")
    @ApiResponse(responseCode = "201", description = "The code was valid (and is now used): the page session (shown only here) and the ticket.")
    @ApiResponse(responseCode = "401", description = "The code is unknown, used or expired: no session.")
    @ApiResponse(responseCode = "404", description = "No such PSA or ticket.")
    @ApiResponse(responseCode = "422", description = "The ticket's company is not mapped, or its contact cannot be verified.")
    @ApiResponse(responseCode = "502", description = "The PSA is not connected or refused the call.")
    @ApiResponse(responseCode = "503", description = "The PSA is not answering.")
    @PostMapping("/{provider}/pod/sessions")
    ResponseEntity<SessionResponse> openWithCode(@PathVariable String provider, @RequestBody CodeBody body) {
        var psa = codeProvider(provider);
        return opened(pods.openWithCode(psa, body.ticketId() == null ? "" : body.ticketId(), body.code()));
    }

    @SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "TECHNICIAN")
    @Operation(operationId = "issuePodCode", summary = "Get a one-time code that opens the ticket page from an Autotask LiveLink as this token's technician")
    @ApiResponse(responseCode = "201", description = "The code (shown only here) and until when it works.")
    @ApiResponse(responseCode = "404", description = "No such PSA, or one whose page needs no code (ConnectWise).")
    @PostMapping("/{provider}/pod/codes")
    ResponseEntity<CodeResponse> issueCode(@AuthenticationPrincipal Caller.Api caller, @PathVariable String provider) {
        codeProvider(provider);
        var customers = caller.seesEveryCustomer() ? java.util.Set.of(io.helpdeskverify.psa.PodGrant.EVERY_CUSTOMER)
                : caller.token().customers().slugs();
        String code = pods.issueCode(new io.helpdeskverify.psa.PodGrant(caller.technician(), customers));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CodeResponse(code, Instant.now().plus(pods.codeTtl())));
    }

    @SecurityRequirement(name = OpenApiConfiguration.POD_SESSION)
    @Operation(operationId = "getPodTicket", summary = "The page's ticket and its contact, masked")
    @ApiResponse(responseCode = "200", description = "The ticket, who would be challenged (masked) and with which methods.")
    @ApiResponse(responseCode = "404", description = "The ticket is gone.")
    @ApiResponse(responseCode = "422", description = "The ticket's company is not mapped, or its contact cannot be verified.")
    @ApiResponse(responseCode = "502", description = "The PSA is not connected or refused the call.")
    @ApiResponse(responseCode = "503", description = "The PSA is not answering.")
    @GetMapping("/pod/ticket")
    PodTicket ticket(@AuthenticationPrincipal Caller.Pod pod) {
        var viewed = pods.view(pod.session());
        if (viewed instanceof PodPages.Viewed.Refused r) {
            throw PsaTicketController.refusal(r.refusal());
        }
        return ((PodPages.Viewed.Ticket) viewed).ticket();
    }

    @SecurityRequirement(name = OpenApiConfiguration.POD_SESSION)
    @Operation(operationId = "startPodVerification", summary = "Verify the page's ticket contact")
    @ApiResponse(responseCode = "201", description = "Started; the code, when the technician compares a read-back, only here.")
    @ApiResponse(responseCode = "404", description = "The ticket is gone.")
    @ApiResponse(responseCode = "409", description = "Several end users match the contact: send user with one of them.")
    @ApiResponse(responseCode = "422", description = "The contact cannot be verified, or the method is not possible.")
    @ApiResponse(responseCode = "429", description = "Too many challenges for this user, technician or customer.")
    @ApiResponse(responseCode = "502", description = "The PSA is not connected or refused the call.")
    @ApiResponse(responseCode = "503", description = "The PSA is not answering.")
    @PostMapping("/pod/verifications")
    ResponseEntity<VerificationResponse> start(@AuthenticationPrincipal Caller.Pod pod,
                                               @RequestBody(required = false) StartBody body) {
        var b = body == null ? new StartBody(null, null) : body;
        var started = pods.start(pod.token(), pod.session(), VerificationController.method(b.method()),
                Optional.ofNullable(b.user()).filter(u -> !u.isBlank()));
        if (started instanceof PodPages.Started.Verification v) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(VerificationResponse.of(v.started().verification(), v.started().code().orElse(null)));
        }
        if (started instanceof PodPages.Started.Refused r) {
            throw PsaTicketController.refusal(r.refusal());
        }
        if (started instanceof PodPages.Started.Several s) {
            throw new ApiException(HttpStatus.CONFLICT, "Several end users match",
                    "Several end users match the ticket's contact: send \"user\" with one of "
                            + s.ticket().candidates().stream().map(PodTicket.Candidate::user).toList() + ".")
                    .withReason("SEVERAL_MATCHES");
        }
        var refused = ((PodPages.Started.NotStarted) started).refused();
        boolean limited = refused.reason() == StartResult.Reason.RATE_LIMITED;
        throw new ApiException(limited ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_ENTITY,
                "Not started", refused.message()).withReason(refused.reason().name()).withRetryAfter(limited ? 60 : 0);
    }

    @SecurityRequirement(name = OpenApiConfiguration.POD_SESSION)
    @Operation(operationId = "getPodVerification", summary = "A verification this page started, as it is now")
    @ApiResponse(responseCode = "200", description = "The verification (never its code).")
    @ApiResponse(responseCode = "404", description = "Not a verification this page session started.")
    @GetMapping("/pod/verifications/{id}")
    VerificationResponse get(@AuthenticationPrincipal Caller.Pod pod, @PathVariable String id) {
        return VerificationResponse.of(pods.verification(pod.session(), id).orElseThrow(PsaPodController::unknown), null);
    }

    @SecurityRequirement(name = OpenApiConfiguration.POD_SESSION)
    @Operation(operationId = "decidePodVerification", summary = "Approve or deny a verification this page started, after the read-back")
    @ApiResponse(responseCode = "200", description = "Decided; the verification as it now is.")
    @ApiResponse(responseCode = "404", description = "Not a verification this page session started.")
    @ApiResponse(responseCode = "409", description = "Already decided, or not possible yet.")
    @ApiResponse(responseCode = "410", description = "Past its deadline.")
    @ApiResponse(responseCode = "422", description = "The decision is not approve/deny, or this method is not decided by the technician.")
    @PostMapping("/pod/verifications/{id}/decision")
    VerificationResponse decide(@AuthenticationPrincipal Caller.Pod pod, @PathVariable String id,
                                @RequestBody VerificationController.DecisionBody body) {
        boolean approve = switch (body.decision() == null ? "" : body.decision().toLowerCase(Locale.ROOT)) {
            case "approve" -> true;
            case "deny" -> false;
            default -> throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                    "decision must be \"approve\" or \"deny\".");
        };
        return done(pods.decide(pod.session(), id, approve));
    }

    @SecurityRequirement(name = OpenApiConfiguration.POD_SESSION)
    @Operation(operationId = "cancelPodVerification", summary = "Cancel a verification this page started")
    @ApiResponse(responseCode = "200", description = "Cancelled; the verification as it now is.")
    @ApiResponse(responseCode = "404", description = "Not a verification this page session started.")
    @ApiResponse(responseCode = "409", description = "Already decided.")
    @ApiResponse(responseCode = "410", description = "Past its deadline.")
    @ApiResponse(responseCode = "422", description = "Not possible for this verification.")
    @PostMapping("/pod/verifications/{id}/cancel")
    VerificationResponse cancel(@AuthenticationPrincipal Caller.Pod pod, @PathVariable String id) {
        return done(pods.cancel(pod.session(), id));
    }

    private static VerificationResponse done(Optional<ActionResult> result) {
        var r = result.orElseThrow(PsaPodController::unknown);
        if (r instanceof ActionResult.Done d) {
            return VerificationResponse.of(d.verification(), null);
        }
        throw Rejections.toApi(r);
    }

    private static ApiException unknown() {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "No such verification in this page session.");
    }

    private ResponseEntity<SessionResponse> opened(PodPages.Opened opened) {
        if (opened instanceof PodPages.Opened.Session s) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new SessionResponse(
                    s.token(), s.session().expiresAt(), s.session().technician().name(), s.ticket()));
        }
        if (opened instanceof PodPages.Opened.NotConnected n) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not connected", n.why()).withReason("PSA_NOT_CONNECTED");
        }
        if (opened instanceof PodPages.Opened.Denied d) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Not confirmed", d.why()).withReason("NOT_CONFIRMED");
        }
        throw PsaTicketController.refusal(((PodPages.Opened.Refused) opened).refusal());
    }

    /* ConnectWise pods prove the member themselves; a code is only for a PSA whose page cannot. */
    private static PsaProvider codeProvider(String name) {
        var psa = PsaController.provider(name);
        if (psa == PsaProvider.CONNECTWISE) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No code for ConnectWise", "The ConnectWise pod is opened "
                    + "with the member's own ConnectWise session (POST /api/v1/psa/connectwise/pod/sessions), never a code.");
        }
        return psa;
    }

    /** What {@code getMemberAuthentication} and {@code getScreenObject} gave the page. */
    record MemberBody(String ticketId, String companyId, String memberId, String memberHash, String memberContext) {
        @Override
        public String toString() {
            return "MemberBody[ticketId=" + ticketId + ", memberId=" + memberId + ", hash hidden]";
        }
    }

    record CodeBody(String ticketId, String code) {}

    /** @param session the page session: a bearer for /api/v1/psa/pod/**, kept in the page's memory only */
    record SessionResponse(String session, Instant expiresAt, String technician, PodTicket ticket) {}

    record CodeResponse(String code, Instant expiresAt) {}

    /** @param user a username from a 409's list, when several end users match the contact */
    record StartBody(String method, String user) {}
}
