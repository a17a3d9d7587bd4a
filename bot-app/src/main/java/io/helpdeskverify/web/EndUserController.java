package io.helpdeskverify.web;

import io.helpdeskverify.directory.CsvImporter;
import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.VerificationService;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{slug}/end-users")
class EndUserController {

    private static final int MAX_PAGE_SIZE = 500;

    private final DirectoryService directory;
    private final DirectoryRepository repository;
    private final DeviceService devices;
    private final VerificationService verifications;
    private final CsvImporter importer;

    EndUserController(DirectoryService directory, DirectoryRepository repository, DeviceService devices,
                      VerificationService verifications) {
        this.directory = directory;
        this.repository = repository;
        this.devices = devices;
        this.verifications = verifications;
        this.importer = new CsvImporter(directory);
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<EndUserResponse> create(@PathVariable String slug, @RequestBody EndUserRequest body) {
        var user = directory.createEndUser(slug, body.username(), body.displayName(), Optional.ofNullable(body.email()),
                Optional.ofNullable(body.mobile()), body.enabled() == null || body.enabled(), EndUser.Source.MANUAL);
        return ResponseEntity.status(HttpStatus.CREATED).body(response(user));
    }

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

    @GetMapping("/{username}")
    EndUserResponse get(@PathVariable String slug, @PathVariable String username) {
        return response(directory.endUser(slug, username));
    }

    @PatchMapping("/{username}")
    EndUserResponse update(@PathVariable String slug, @PathVariable String username, @RequestBody EndUserRequest body) {
        if (body.username() != null && !body.username().equalsIgnoreCase(username)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "The username cannot be changed.");
        }
        return response(directory.updateEndUser(slug, username, Optional.ofNullable(body.displayName()),
                Optional.ofNullable(body.email()), Optional.ofNullable(body.mobile()), Optional.ofNullable(body.enabled())));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    CsvImporter.ImportReport importCsv(@PathVariable String slug, @RequestBody(required = false) String csv) {
        if (csv == null || csv.isBlank()) {
            throw new CsvImporter.MalformedCsvException(1, "the file is empty; the first line must be the header "
                    + String.join(",", CsvImporter.COLUMNS));
        }
        return importer.importUsers(slug, new StringReader(csv));
    }

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
                u.enabled() ? verifications.offeredMethods(customer, u).stream().map(Method::name).toList() : List.of());
    }

    record EndUserRequest(String username, String displayName, String email, String mobile, Boolean enabled) {}

    /** @param methods what a verification could use right now (empty when disabled) */
    record EndUserResponse(String username, String displayName, String email, String mobile, boolean enabled,
                           String source, Instant updatedAt, int devices, List<String> methods) {}

    record Page(List<EndUserResponse> items, int page, int size, int total) {}

    record EnrolmentResponse(String enrolmentToken, Instant expiresAt) {}
}
