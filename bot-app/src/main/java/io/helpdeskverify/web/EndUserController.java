package io.helpdeskverify.web;

import io.helpdeskverify.directory.ContactRisk;
import io.helpdeskverify.directory.CsvImporter;
import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.EnrolmentInvites;
import io.helpdeskverify.directory.InviteChannel;
import io.helpdeskverify.directory.InviteOutcome;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.VerificationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "End users", description = "A customer's end users: the people verified (ADMIN).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/customers/{slug}/end-users")
class EndUserController {

    private static final int MAX_PAGE_SIZE = 500;

    private final DirectoryService directory;
    private final DirectoryRepository repository;
    private final DeviceService devices;
    private final VerificationService verifications;
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final CsvImporter importer;
    private final EnrolmentInvites invites;
    private final ContactRisk risk;
    private final Clock clock;

    EndUserController(DirectoryService directory, DirectoryRepository repository, DeviceService devices,
                      VerificationService verifications, ContactRisk risk, Clock clock, EnrolmentInvites invites) {
        this.invites = invites;
        this.directory = directory;
        this.repository = repository;
        this.devices = devices;
        this.verifications = verifications;
        this.importer = new CsvImporter(directory);
        this.risk = risk;
        this.clock = clock;
    }

    @Operation(operationId = "createEndUser", summary = "Create an end user")
    @ApiResponse(responseCode = "201", description = "Created.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @ApiResponse(responseCode = "409", description = "The username or email is taken.")
    @ApiResponse(responseCode = "422", description = "A field is invalid, e.g. a mobile that cannot receive SMS.")
    @PostMapping(consumes = "application/json")
    ResponseEntity<EndUserResponse> create(@PathVariable String slug, @RequestBody EndUserRequest body) {
        var user = directory.createEndUser(slug, body.username(), body.displayName(), Optional.ofNullable(body.email()),
                Optional.ofNullable(body.mobile()), body.enabled() == null || body.enabled(), EndUser.Source.MANUAL);
        return ResponseEntity.status(HttpStatus.CREATED).body(response(user));
    }

    @Operation(operationId = "listEndUsers", summary = "List a customer's end users, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page of end users.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @GetMapping
    Page list(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        var all = directory.endUsers(slug);
        var items = all.stream().skip((long) page * size).limit(size).map(this::response).toList();
        return new Page(items, page, size, all.size());
    }

    @Operation(operationId = "getEndUser", summary = "Get an end user")
    @ApiResponse(responseCode = "200", description = "The end user.")
    @ApiResponse(responseCode = "404", description = "No such customer or end user.")
    @GetMapping("/{username}")
    EndUserResponse get(@PathVariable String slug, @PathVariable String username) {
        return response(directory.endUser(slug, username));
    }

    @Operation(operationId = "updateEndUser", summary = "Change an end user's fields (an empty string removes the email or mobile)")
    @ApiResponse(responseCode = "200", description = "Changed; the end user as it now is.")
    @ApiResponse(responseCode = "404", description = "No such customer or end user.")
    @ApiResponse(responseCode = "409", description = "The email is taken.")
    @ApiResponse(responseCode = "422", description = "A field is invalid, or the body tries to change the username.")
    @PatchMapping("/{username}")
    EndUserResponse update(@PathVariable String slug, @PathVariable String username, @RequestBody EndUserRequest body) {
        if (body.username() != null && !body.username().equalsIgnoreCase(username)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "The username cannot be changed.");
        }
        return response(directory.updateEndUser(slug, username, Optional.ofNullable(body.displayName()),
                Optional.ofNullable(body.email()), Optional.ofNullable(body.mobile()), Optional.ofNullable(body.enabled())));
    }

    /** Hands the fields back to Microsoft 365: its last known values return at once. */
    @Operation(operationId = "clearOverrides", summary = "Hand every field back to the Microsoft 365 sync")
    @ApiResponse(responseCode = "200", description = "The end user with the synced values back.")
    @ApiResponse(responseCode = "404", description = "No such customer or end user.")
    @DeleteMapping("/{username}/overrides")
    EndUserResponse clearOverrides(@PathVariable String slug, @PathVariable String username) {
        return response(directory.clearOverrides(slug, username, Set.of()));
    }

    @Operation(operationId = "clearOverride", summary = "Hand one field back to the Microsoft 365 sync")
    @ApiResponse(responseCode = "200", description = "The end user with the synced value back.")
    @ApiResponse(responseCode = "404", description = "No such customer or end user.")
    @DeleteMapping("/{username}/overrides/{field}")
    EndUserResponse clearOverride(@PathVariable String slug, @PathVariable String username, @PathVariable String field) {
        return response(directory.clearOverrides(slug, username, EnumSet.of(field(field))));
    }

    @Operation(operationId = "importEndUsers", summary = "Import end users from CSV; a bad row never stops the good ones")
    @ApiResponse(responseCode = "200", description = "What was created, updated and rejected (with each rejected line's reason).")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @PostMapping(path = "/import", consumes = "text/csv")
    CsvImporter.ImportReport importCsv(@PathVariable String slug, @RequestBody(required = false) String csv) {
        if (csv == null || csv.isBlank()) {
            throw new CsvImporter.MalformedCsvException(1, "the file is empty; the first line must be the header "
                    + String.join(",", CsvImporter.COLUMNS));
        }
        return importer.importUsers(slug, new StringReader(csv));
    }

    @Operation(operationId = "issueEnrolment", summary = "Issue a one-time enrolment link for the self-serve app: "
            + "returned (with the link when HELPDESK_PUBLIC_URL is set), as an SVG QR code (format=svg), or sent to "
            + "the user's own directory mobile or email (send=sms|email), never to an address given here")
    @ApiResponse(responseCode = "201", description = "Issued: single use, 24 hours. JSON (the token and link, or "
            + "where it was sent), or the link as an SVG QR code.", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = EnrolmentResponse.class)),
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "send is not sms or email, or format is not json or svg.")
    @ApiResponse(responseCode = "404", description = "No such customer or end user.")
    @ApiResponse(responseCode = "422", description = "The end user is disabled, has no contact for the channel asked "
            + "for, or HELPDESK_PUBLIC_URL is not set (needed for a link or QR code).")
    @ApiResponse(responseCode = "502", description = "The SMS or email provider did not take the message.")
    @PostMapping("/{username}/enrolments")
    ResponseEntity<?> enrol(@PathVariable String slug, @PathVariable String username,
                            @RequestParam(required = false) String send,
                            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("svg")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter", "format must be json or svg.");
        }
        if (send != null) {
            var via = InviteChannel.parse(send).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                    "Invalid parameter", "send must be sms or email."));
            var outcome = invites.send(slug, username, via);
            if (outcome instanceof InviteOutcome.NotSent notSent) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, "Not sent",
                        "The enrolment link was not sent: " + notSent.reason() + ".");
            }
            var sent = (InviteOutcome.Sent) outcome;
            return ResponseEntity.status(HttpStatus.CREATED).body(new EnrolmentResponse(null, sent.expiresAt(), null,
                    sent.via().name().toLowerCase(Locale.ROOT), sent.to()));
        }
        if (format.equals("svg")) {
            var invite = invites.link(slug, username).orElseThrow(EndUserController::noPublicUrl);
            return ResponseEntity.status(HttpStatus.CREATED).contentType(SVG).header("Cache-Control", "no-store")
                    .body(QrCodes.svg(invite.link()));
        }
        var token = devices.issueEnrolment(slug, username);
        String link = invites.linkFor(token).orElse(null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new EnrolmentResponse(token.token(), token.expiresAt(), link, null, null));
    }

    private static ApiException noPublicUrl() {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input",
                "Set HELPDESK_PUBLIC_URL (the bot's https address) so that an enrolment link can be built.");
    }

    private EndUserResponse response(EndUser u) {
        var userDevices = repository.devices(u.customer(), u.username());
        var customer = directory.customer(u.customer());
        return new EndUserResponse(u.username(), u.displayName(), u.email().orElse(null), u.mobile().orElse(null),
                u.enabled(), u.source().name(), u.updatedAt(), userDevices.size(),
                u.enabled() ? verifications.offeredMethods(customer, u).stream().map(Method::name).toList() : List.of(),
                u.upn().orElse(null), u.externalId().orElse(null),
                u.overrides().stream().map(f -> wire(f)).sorted().toList(),
                u.mobileChangedAt().orElse(null), u.emailChangedAt().orElse(null), risk.warnings(u, clock),
                u.accountName().orElse(null),
                u.links().stream().map(l -> new SourceLink(l.directory().name(), l.externalId(), l.source().name(),
                        l.seen().enabled())).toList(),
                u.memberOf().stream().map(g -> new GroupBody(g.name(), g.id().orElse(null))).toList(),
                customer.policy().dualControl().why(u).orElse(null));
    }

    /** "displayName", "email", "mobile", "enabled": the names the request body uses. */
    private static String wire(EndUser.Field f) {
        return f == EndUser.Field.DISPLAY_NAME ? "displayName" : f.name().toLowerCase(Locale.ROOT);
    }

    private static EndUser.Field field(String name) {
        for (var f : EndUser.Field.values()) {
            if (wire(f).equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter", "'" + name
                + "' is not a field that can be overridden; use displayName, email, mobile or enabled.");
    }

    record EndUserRequest(String username, String displayName, String email, String mobile, Boolean enabled) {}

    /**
     * @param methods what a verification could use right now (empty when disabled)
     * @param overrides fields an admin set by hand, which the Microsoft 365 sync leaves alone
     * @param warnings risk warnings for the technician, e.g. "Mobile number changed 2 days ago"
     */
    /**
     * @param groups every directory group the user is a member of (all directories and the CSV import together)
     * @param dualControl why the customer's dual-control policy covers the user ("member of Domain Admins");
     *                    absent when it does not
     */
    record EndUserResponse(String username, String displayName, String email, String mobile, boolean enabled,
                           String source, Instant updatedAt, int devices, List<String> methods, String upn,
                           String externalId, List<String> overrides, Instant mobileChangedAt, Instant emailChangedAt,
                           List<String> warnings, String accountName, List<SourceLink> sources,
                           List<GroupBody> groups, String dualControl) {}

    /**
     * A directory group the end user is a member of (docs/dual-control.md).
     *
     * @param id Microsoft 365's object id or AD's distinguished name; absent for a group the CSV import named
     */
    record GroupBody(String name, String id) {}

    /**
     * One directory that has the end user: GRAPH (Microsoft 365) or AD_ONPREM, its id there, its
     * source kind and whether the account is enabled there (the user is enabled only while every one says so).
     */
    record SourceLink(String directory, String externalId, String source, boolean enabled) {}

    record Page(List<EndUserResponse> items, int page, int size, int total) {}

    /**
     * @param enrolmentToken the one-time token, when returned here rather than sent
     * @param link the app's address with the token, {@code https://…/app/#enrol=…}
     * @param sentBy "sms" or "email" when it was sent to the user
     * @param sentTo the masked contact it went to
     */
    record EnrolmentResponse(String enrolmentToken, Instant expiresAt, String link, String sentBy, String sentTo) {}
}
