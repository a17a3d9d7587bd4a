package io.helpdeskverify.web;

import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.TechnicianName;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import io.helpdeskverify.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the self-serve app calls: enrol with a one-time token, then authenticate every call with
 * the device secret as a bearer token (checked by the security gate, which hands over the device).
 * A device answers only its own user's challenges.
 */
@Tag(name = "Mobile app", description = "What the self-serve app on an end user's phone calls.")
@RestController
class MobileController {

    private final DeviceService devices;
    private final VerificationService verifications;
    private final String mspName;

    private final MessageSource messages;

    MobileController(DeviceService devices, VerificationService verifications, HelpdeskProperties props,
                     MessageSource messages) {
        this.devices = devices;
        this.verifications = verifications;
        this.mspName = props.mspName();
        this.messages = messages;
    }

    @SecurityRequirements
    @Operation(operationId = "enrolDevice", summary = "Enrol a phone with a one-time enrolment token (the credential, in the body)")
    @ApiResponse(responseCode = "201", description = "Enrolled; the device secret is shown only here.")
    @ApiResponse(responseCode = "401", description = "The enrolment token is unknown, used or expired, or its user is disabled.")
    @ApiResponse(responseCode = "409", description = "The end user already has the most devices allowed.")
    @ApiResponse(responseCode = "422", description = "A field is invalid, e.g. the platform.")
    @PostMapping("/api/v1/devices")
    ResponseEntity<EnrolResponse> enrol(@RequestBody EnrolBody body) {
        var enrolled = devices.enrol(body.enrolmentToken(), body.fcmToken(), body.platform(),
                body.notificationsEnabled() == null || body.notificationsEnabled());
        return ResponseEntity.status(HttpStatus.CREATED).body(new EnrolResponse(enrolled.device().id(), enrolled.secret()));
    }

    @SecurityRequirement(name = OpenApiConfiguration.DEVICE_SECRET)
    @Operation(operationId = "updateDevice", summary = "Report the device's FCM token or notification switch")
    @ApiResponse(responseCode = "200", description = "The device as it now is.")
    @ApiResponse(responseCode = "422", description = "A field is invalid.")
    @PatchMapping("/api/v1/devices/{id}")
    DeviceResponse update(@PathVariable String id, @AuthenticationPrincipal Caller.App app, @RequestBody UpdateBody body) {
        var device = own(app, id);
        var next = devices.update(device, Optional.ofNullable(body.fcmToken()), Optional.ofNullable(body.notificationsEnabled()));
        return new DeviceResponse(next.id(), next.platform(), next.notificationsEnabled(), next.tokenRejected());
    }

    @SecurityRequirement(name = OpenApiConfiguration.DEVICE_SECRET)
    @Operation(operationId = "listPendingChallenges", summary = "List the challenges waiting for this device's user")
    @GetMapping("/api/v1/devices/{id}/challenges")
    List<PendingChallenge> challenges(@PathVariable String id, @AuthenticationPrincipal Caller.App app) {
        var device = own(app, id);
        return verifications.awaitingUser(device.customer(), device.endUser()).stream()
                .map(v -> {
                    // The name as the push and SMS show it: a technician's display name must not point anywhere.
                    String technician = TechnicianName.forEndUser(v.technician().name()).value();
                    return new PendingChallenge(v.challengeId(), v.id(), v.method().name(), v.expiresAt(), mspName,
                            technician, v.method() == Method.VERIFIED_PUSH, prompt(v, technician), v.reverse());
                })
                .toList();
    }

    /** The push's wording (messages.properties), so the app's screen says what the notification said. */
    private String prompt(Verification v, String technician) {
        String key = v.reverse() ? "challenge.app.reverse" : switch (v.method()) {
            case PUSH_WITH_CODE -> "challenge.app.body.code";
            case VERIFIED_PUSH -> "challenge.push.body.match";
            default -> "challenge.push.body";
        };
        return messages.getMessage(key, new Object[] {mspName, technician}, Locale.ENGLISH);
    }

    @SecurityRequirement(name = OpenApiConfiguration.DEVICE_SECRET)
    @Operation(operationId = "answerChallenge", summary = "Approve or deny a challenge, with the code where one is "
            + "required; \"report\" denies it as \"I did not ask for this\" (USER_REPORTED); a reverse check "
            + "(reverse: true) takes \"match\" (the technician read the code the app shows) or \"nomatch\"")
    @ApiResponse(responseCode = "200", description = "Answered; the verification's state and outcome.")
    @ApiResponse(responseCode = "404", description = "No such challenge for this device's user.")
    @ApiResponse(responseCode = "409", description = "Already answered or decided.")
    @ApiResponse(responseCode = "410", description = "Expired.")
    @ApiResponse(responseCode = "422", description = "A wrong code (the detail says how many attempts are left), a missing code, a decision that is not approve, deny, report, match or nomatch, or one that does not fit the challenge (approve on a reverse check, match on any other).")
    @PostMapping("/api/v1/challenges/{challengeId}/response")
    ChallengeAnswer respond(@PathVariable String challengeId,
                            @AuthenticationPrincipal Caller.App app,
                            @RequestHeader(name = "X-Device-Id", required = false) String deviceId,
                            @RequestBody ResponseBody body) {
        Verification v = challenge(challengeId, app, deviceId);
        String decision = body.decision() == null ? "" : body.decision().toLowerCase(Locale.ROOT);
        ActionResult result = switch (decision) {
            case "approve" -> verifications.userApprove(v.id(), Optional.ofNullable(body.code()));
            case "deny" -> verifications.userDeny(v.id());
            case "report" -> verifications.userReport(v.id());
            case "match" -> verifications.userConfirm(v.id(), true);
            case "nomatch" -> verifications.userConfirm(v.id(), false);
            default -> throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                    "decision must be \"approve\", \"deny\", \"report\", or for a reverse check \"match\" or \"nomatch\".");
        };
        if (result instanceof ActionResult.Done d) {
            return new ChallengeAnswer(d.verification().state().name(),
                    d.verification().outcome().map(Enum::name).orElse(null));
        }
        throw Rejections.toApi(result);
    }

    @SecurityRequirement(name = OpenApiConfiguration.DEVICE_SECRET)
    @Operation(operationId = "getChallenge", summary = "Where a challenge stands: answered on another device, "
            + "decided by the technician, expired")
    @ApiResponse(responseCode = "200", description = "The verification's state, and its outcome once it has one.")
    @ApiResponse(responseCode = "404", description = "No such challenge for this device's user, or it ended more than 10 minutes ago.")
    @GetMapping("/api/v1/challenges/{challengeId}")
    ChallengeStatus status(@PathVariable String challengeId, @AuthenticationPrincipal Caller.App app,
                           @RequestHeader(name = "X-Device-Id", required = false) String deviceId) {
        Verification v = challenge(challengeId, app, deviceId);
        return new ChallengeStatus(v.challengeId(), v.method().name(), v.state().name(),
                v.outcome().map(Enum::name).orElse(null), v.expiresAt(), v.userReported(), v.reverse());
    }

    private Verification challenge(String challengeId, Caller.App app, String deviceId) {
        Device device = deviceId == null || deviceId.isBlank() ? app.device() : own(app, deviceId.strip());
        return verifications.findByChallenge(challengeId)
                .filter(x -> x.customer().equals(device.customer()) && x.endUser().equals(device.endUser()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Not found",
                        "No such challenge for this device's user."));
    }

    /**
     * The gate authenticated the secret; the device named in the path or header must be the one it
     * belongs to, answered like a wrong secret so that device ids cannot be probed.
     */
    private static Device own(Caller.App app, String deviceId) {
        if (!app.device().id().equals(deviceId)) {
            throw new DirectoryException.Unauthorized("Unknown device or wrong device secret.");
        }
        return app.device();
    }

    record EnrolBody(String enrolmentToken, String fcmToken, String platform, Boolean notificationsEnabled) {}

    record EnrolResponse(String deviceId, String deviceSecret) {}

    record UpdateBody(String fcmToken, Boolean notificationsEnabled) {}

    record DeviceResponse(String deviceId, String platform, boolean notificationsEnabled, boolean tokenRejected) {}

    /** @param reverse the user checks the technician: the app shows the push's code and asks whether it matches */
    record PendingChallenge(String challengeId, String verificationId, String method, Instant expiresAt, String mspName,
                            String technicianName, boolean requiresCode, String prompt, boolean reverse) {}

    record ResponseBody(String decision, String code) {}

    record ChallengeAnswer(String state, String outcome) {}

    /**
     * @param userReported the user answered "I did not ask for this"
     * @param reverse a reverse check (the user checks the technician)
     */
    record ChallengeStatus(String challengeId, String method, String state, String outcome, Instant expiresAt,
                           boolean userReported, boolean reverse) {}
}
