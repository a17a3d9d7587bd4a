package io.helpdeskverify.web;

import io.helpdeskverify.directory.ContactRisk;
import io.helpdeskverify.directory.CsvImporter;
import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.EndUser;
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
    private final CsvImporter importer;
    private final ContactRisk risk;
    private final Clock clock;

    EndUserController(DirectoryService directory, DirectoryRepository repository, DeviceService devices,
                      VerificationService verifications, ContactRisk risk, Clock clock) {
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

    @Operation(operationId = "issueEnrolment", summary = "Issue a one-time enrolment token for the mobile app")
    @ApiResponse(responseCode = "201", description = "Issued: single use, 24 hours.")
    @ApiResponse(responseCode = "404", description = "No such customer or end user.")
    @ApiResponse(responseCode = "422", description = "The end user is disabled.")
    @PostMapping("/{username}/enrolments")
    ResponseEntity<EnrolmentResponse> enrol(@PathVariable String slug, @PathVariable String username) {
        var token = devices.issueEnrolment(slug, username);
        return ResponseEntity.status(HttpStatus.CREATED).body(new EnrolmentResponse(token.token(), token.expiresAt()));
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
                        l.seen().enabled())).toList());
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
    record EndUserResponse(String username, String displayName, String email, String mobile, boolean enabled,
                           String source, Instant updatedAt, int devices, List<String> methods, String upn,
                           String externalId, List<String> overrides, Instant mobileChangedAt, Instant emailChangedAt,
                           List<String> warnings, String accountName, List<SourceLink> sources) {}

    /**
     * One directory that has the end user: GRAPH (Microsoft 365) or AD_ONPREM, its id there, its
     * source kind and whether the account is enabled there (the user is enabled only while every one says so).
     */
    record SourceLink(String directory, String externalId, String source, boolean enabled) {}

    record Page(List<EndUserResponse> items, int page, int size, int total) {}

    record EnrolmentResponse(String enrolmentToken, Instant expiresAt) {}
}
