package io.helpdeskverify.web;

import io.helpdeskverify.alerts.AlertRule;
import io.helpdeskverify.directory.AlertPolicy;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.CustomerPolicy;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DualControl;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.psa.PsaProvider;
import io.helpdeskverify.verification.Codes;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Policies;
import io.helpdeskverify.verification.VerificationPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers", description = "The MSP's customers and their verification policy (ADMIN).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final DirectoryService directory;
    private final Policies policies;
    private final DirectorySync sync;

    CustomerController(DirectoryService directory, Policies policies, DirectorySync sync) {
        this.directory = directory;
        this.policies = policies;
        this.sync = sync;
    }

    @Operation(operationId = "createCustomer", summary = "Create a customer")
    @ApiResponse(responseCode = "201", description = "Created.")
    @ApiResponse(responseCode = "409", description = "The slug or an email domain is taken (the detail names it).")
    @ApiResponse(responseCode = "422", description = "A field is invalid (the detail names it).")
    @PostMapping
    ResponseEntity<CustomerResponse> create(@RequestBody CustomerRequest body) {
        var c = directory.createCustomer(body.slug(), body.name(), body.emailDomains() == null ? List.of() : body.emailDomains(),
                body.defaultRegion(), policy(body.policy()).orElse(CustomerPolicy.defaults()));
        if (body.psaCompanies() != null) {
            c = directory.setPsaCompanies(c.slug(), psaCompanies(body.psaCompanies()));
        }
        if (body.microsoftTenantId() != null && !body.microsoftTenantId().isBlank()) {
            c = connect(c.slug(), body.microsoftTenantId());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(response(c));
    }

    @Operation(operationId = "listCustomers", summary = "List the customers")
    @GetMapping
    List<CustomerResponse> list() {
        return directory.customers().stream().map(this::response).toList();
    }

    @Operation(operationId = "getCustomer", summary = "Get a customer with its effective policy")
    @ApiResponse(responseCode = "200", description = "The customer.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @GetMapping("/{slug}")
    CustomerResponse get(@PathVariable String slug) {
        return response(directory.customer(slug));
    }

    @Operation(operationId = "updateCustomer", summary = "Change a customer's fields (not its slug)")
    @ApiResponse(responseCode = "200", description = "Changed; the customer as it now is.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @ApiResponse(responseCode = "409", description = "An email domain is taken.")
    @ApiResponse(responseCode = "422", description = "A field is invalid, or the body tries to change the slug.")
    @PatchMapping("/{slug}")
    CustomerResponse update(@PathVariable String slug, @RequestBody CustomerRequest body) {
        if (body.slug() != null && !body.slug().equals(slug)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "The slug cannot be changed.");
        }
        var policy = policy(body.policy());
        var psa = Optional.ofNullable(body.psaCompanies()).map(CustomerController::psaCompanies)
                .map(m -> directory.checkedPsaCompanies(slug, m));
        if (body.microsoftTenantId() != null) {
            // Checked and stored first: a refused tenant id must not leave the other fields half applied.
            connect(slug, body.microsoftTenantId());
        }
        psa.ifPresent(m -> directory.setPsaCompanies(slug, m));
        return response(directory.updateCustomer(slug, Optional.ofNullable(body.name()),
                Optional.ofNullable(body.emailDomains()), Optional.ofNullable(body.defaultRegion()), policy));
    }

    /**
     * Records a tenant that has already consented (an empty string disconnects) and, when it is a
     * new one, starts the import right away.
     */
    private Customer connect(String slug, String tenantId) {
        var before = directory.customer(slug).microsoftTenantId();
        var c = directory.setMicrosoftTenant(slug, Optional.of(tenantId));
        if (c.microsoftTenantId().isPresent() && !c.microsoftTenantId().equals(before)) {
            sync.start(c.slug(), "admin API");
        }
        return c;
    }

    private CustomerResponse response(Customer c) {
        VerificationPolicy effective = policies.of(c);
        return new CustomerResponse(c.slug(), c.name(), c.emailDomains(), c.defaultRegion(),
                c.microsoftTenantId().orElse(null), c.psaCompanies(), PolicyBody.of(c.policy()),
                new EffectivePolicy(effective.countdown().toSeconds(), effective.codeLength(),
                        effective.limits().perUser(), effective.limits().perTechnician(), effective.limits().perCustomer(),
                        effective.allowedMethods().stream().sorted().map(Method::name).toList()));
    }

    /** Range checks live here because the directory does not know the verification rules. */
    private static Optional<CustomerPolicy> policy(PolicyBody p) {
        if (p == null) {
            return Optional.empty();
        }
        long min = VerificationPolicy.MIN_COUNTDOWN.toSeconds();
        long max = VerificationPolicy.MAX_COUNTDOWN.toSeconds();
        check(p.countdownSeconds() == null || (p.countdownSeconds() >= min && p.countdownSeconds() <= max),
                "policy.countdownSeconds must be between " + min + " and " + max);
        check(p.codeLength() == null || (p.codeLength() >= Codes.MIN_LENGTH && p.codeLength() <= Codes.MAX_LENGTH),
                "policy.codeLength must be between " + Codes.MIN_LENGTH + " and " + Codes.MAX_LENGTH);
        check(p.maxChallengesPerUser() == null || (p.maxChallengesPerUser() >= 1 && p.maxChallengesPerUser() <= 100),
                "policy.maxChallengesPerUser must be between 1 and 100");
        check(p.maxChallengesPerTechnician() == null
                        || (p.maxChallengesPerTechnician() >= 1 && p.maxChallengesPerTechnician() <= 10_000),
                "policy.maxChallengesPerTechnician must be between 1 and 10000");
        check(p.maxChallengesPerCustomer() == null
                        || (p.maxChallengesPerCustomer() >= 1 && p.maxChallengesPerCustomer() <= 100_000),
                "policy.maxChallengesPerCustomer must be between 1 and 100000");
        var methods = new LinkedHashSet<String>();
        for (String m : p.allowedMethods() == null ? List.<String>of() : p.allowedMethods()) {
            check(Arrays.stream(Method.values()).anyMatch(x -> x.name().equals(m)),
                    "policy.allowedMethods: '" + m + "' is not one of " + Arrays.toString(Method.values()));
            methods.add(m);
        }
        return Optional.of(new CustomerPolicy(Optional.ofNullable(p.countdownSeconds()), Optional.ofNullable(p.codeLength()),
                Optional.ofNullable(p.maxChallengesPerUser()), Optional.ofNullable(p.maxChallengesPerTechnician()),
                Optional.ofNullable(p.maxChallengesPerCustomer()), methods,
                Optional.ofNullable(p.allowUnmatchedPsaContacts()), dualControl(p.dualControl()), alerts(p.alerts())));
    }

    /* Windows up to a day: an alert's claim is kept two days, longer than any window it is decided on. */
    private static final Duration MAX_WINDOW = Duration.ofDays(1);

    private static AlertPolicy alerts(AlertsBody a) {
        if (a == null) {
            return AlertPolicy.DEFAULTS;
        }
        check(a.securityContact() == null || (a.securityContact().strip().length() <= 254
                        && DirectoryService.isEmail(a.securityContact().strip())),
                "policy.alerts.securityContact must be an email address");
        Optional<AlertPolicy.AlertChannel> channel = Optional.empty();
        if (a.channel() != null) {
            var c = a.channel();
            check(c.platform() != null && List.of("slack", "teams").contains(c.platform().strip().toLowerCase(Locale.ROOT)),
                    "policy.alerts.channel.platform must be slack or teams");
            check(c.id() != null && !c.id().isBlank() && c.id().strip().length() <= 300
                            && c.id().chars().noneMatch(ch -> Character.isISOControl(ch) || Character.isWhitespace(ch)),
                    "policy.alerts.channel.id must be a Slack channel id or a Teams conversation id "
                            + "(1 to 300 characters, no spaces)");
            channel = Optional.of(new AlertPolicy.AlertChannel(c.platform().strip().toLowerCase(Locale.ROOT), c.id().strip()));
        }
        check(a.refusals() == null || (a.refusals() >= 1 && a.refusals() <= 1000),
                "policy.alerts.refusals must be between 1 and 1000");
        check(a.technicians() == null || (a.technicians() >= 2 && a.technicians() <= 100),
                "policy.alerts.technicians must be between 2 and 100");
        var disabled = new LinkedHashSet<String>();
        for (String r : a.disabled() == null ? List.<String>of() : a.disabled()) {
            check(Arrays.stream(AlertRule.values()).anyMatch(x -> x.name().equals(r)),
                    "policy.alerts.disabled: '" + r + "' is not one of " + Arrays.toString(AlertRule.values()));
            disabled.add(r);
        }
        return new AlertPolicy(Optional.ofNullable(a.securityContact()).map(String::strip), channel,
                window("quickDenial", a.quickDenial(), Duration.ofHours(1)), Optional.ofNullable(a.refusals()),
                window("refusalWindow", a.refusalWindow(), MAX_WINDOW),
                window("contactChangeWindow", a.contactChangeWindow(), MAX_WINDOW),
                Optional.ofNullable(a.technicians()), window("techniciansWindow", a.techniciansWindow(), MAX_WINDOW),
                disabled);
    }

    /** A duration as the settings write it ({@code 90s}, {@code 10m}, {@code 1h}) or ISO-8601, in whole seconds. */
    private static Optional<Long> window(String field, String value, Duration max) {
        if (value == null) {
            return Optional.empty();
        }
        String message = "policy.alerts." + field + " must be a duration such as 90s, 10m or 1h, from 1s to "
                + AlertsBody.format(max.toSeconds());
        Duration d;
        try {
            d = DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", message);
        }
        check(d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(max) <= 0 && d.getNano() == 0, message);
        return Optional.of(d.toSeconds());
    }

    private static DualControl dualControl(DualControlBody d) {
        if (d == null) {
            return DualControl.OFF;
        }
        var users = d.highRiskUsers() == null ? List.<String>of() : d.highRiskUsers();
        check(users.size() <= DualControl.MAX_USERS,
                "policy.dualControl.highRiskUsers may name at most " + DualControl.MAX_USERS + " users");
        for (String u : users) {
            check(u != null && !u.isBlank() && u.strip().length() <= 320 && u.chars().noneMatch(Character::isISOControl),
                    "policy.dualControl.highRiskUsers: each entry is a username, email, UPN or directory id "
                            + "of 1 to 320 characters");
        }
        var groups = d.highRiskGroups() == null ? List.<String>of() : d.highRiskGroups();
        check(groups.size() <= DualControl.MAX_GROUPS,
                "policy.dualControl.highRiskGroups may name at most " + DualControl.MAX_GROUPS + " groups");
        for (String g : groups) {
            // An AD distinguished name of a deeply nested OU can be long; 1024 covers it with room.
            check(g != null && !g.isBlank() && g.strip().length() <= 1024 && g.chars().noneMatch(Character::isISOControl),
                    "policy.dualControl.highRiskGroups: each entry is a group name, Microsoft 365 group id or "
                            + "AD distinguished name of 1 to 1024 characters");
        }
        return new DualControl(new LinkedHashSet<>(users), new LinkedHashSet<>(groups),
                Boolean.TRUE.equals(d.allVerifications()));
    }

    /** Keys are PSA ids ({@code connectwise}, {@code autotask}); the directory checks the company ids. */
    private static Map<String, List<String>> psaCompanies(Map<String, List<String>> body) {
        var out = new java.util.TreeMap<String, List<String>>();
        body.forEach((key, ids) -> {
            var psa = PsaProvider.of(key).filter(p -> p.id().equals(key)).orElseThrow(() -> new ApiException(
                    HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "psaCompanies: '" + key + "' is not one of "
                    + Arrays.stream(PsaProvider.values()).map(PsaProvider::id).toList() + "."));
            out.put(psa.id(), ids == null ? List.of() : ids);
        });
        return out;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", message);
        }
    }

    /** @param microsoftTenantId a tenant that has already consented to the MSP's app; "" disconnects */
    /** @param psaCompanies per PSA, the customer's company ids there; a PSA with an empty list is unmapped */
    record CustomerRequest(String slug, String name, List<String> emailDomains, String defaultRegion,
                           String microsoftTenantId, Map<String, List<String>> psaCompanies, PolicyBody policy) {}

    /** The customer's own overrides; absent fields use the service defaults. */
    record PolicyBody(Integer countdownSeconds, Integer codeLength, Integer maxChallengesPerUser,
                      Integer maxChallengesPerTechnician, Integer maxChallengesPerCustomer, List<String> allowedMethods,
                      Boolean allowUnmatchedPsaContacts, DualControlBody dualControl, AlertsBody alerts) {
        static PolicyBody of(CustomerPolicy p) {
            return new PolicyBody(p.countdownSeconds().orElse(null), p.codeLength().orElse(null),
                    p.maxChallengesPerUser().orElse(null), p.maxChallengesPerTechnician().orElse(null),
                    p.maxChallengesPerCustomer().orElse(null),
                    p.allowedMethods().stream().sorted().toList(), p.allowUnmatchedPsaContacts().orElse(null),
                    DualControlBody.of(p.dualControl()), AlertsBody.of(p.alerts()));
        }
    }

    /**
     * Security alerts (docs/alerts.md): the customer's own recipients and thresholds; absent fields use
     * the service defaults ({@code HELPDESK_ALERTS_*}).
     *
     * @param securityContact the email that hears of this customer's alerts
     * @param channel the Slack channel or Teams conversation that hears of them
     * @param quickDenial durations such as {@code 90s}, {@code 10m}, {@code 1h}
     * @param disabled rule names that never fire for this customer
     */
    record AlertsBody(String securityContact, AlertChannelBody channel, String quickDenial, Integer refusals,
                      String refusalWindow, String contactChangeWindow, Integer technicians, String techniciansWindow,
                      List<String> disabled) {
        static AlertsBody of(AlertPolicy a) {
            return new AlertsBody(a.securityContact().orElse(null),
                    a.channel().map(c -> new AlertChannelBody(c.platform(), c.id())).orElse(null),
                    a.quickDenialSeconds().map(AlertsBody::format).orElse(null), a.refusals().orElse(null),
                    a.refusalWindowSeconds().map(AlertsBody::format).orElse(null),
                    a.contactChangeWindowSeconds().map(AlertsBody::format).orElse(null), a.technicians().orElse(null),
                    a.techniciansWindowSeconds().map(AlertsBody::format).orElse(null), List.copyOf(a.disabled()));
        }

        /** The largest whole unit: {@code 1h}, {@code 10m}, {@code 90s}. */
        static String format(long seconds) {
            if (seconds % 3600 == 0) {
                return seconds / 3600 + "h";
            }
            return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        }
    }

    /** @param platform {@code slack} or {@code teams}; @param id the Slack channel id or Teams conversation id */
    record AlertChannelBody(String platform, String id) {}

    /**
     * Dual control (docs/dual-control.md): whose verifications need a second technician.
     *
     * @param highRiskUsers end users by username, email, UPN, AD account name or directory object id
     * @param highRiskGroups directory groups whose members are high-risk: a group name (any case), a Microsoft 365
     *                       group id or an AD distinguished name
     * @param allVerifications every verification of this customer needs a second technician
     */
    record DualControlBody(List<String> highRiskUsers, List<String> highRiskGroups, Boolean allVerifications) {
        static DualControlBody of(DualControl d) {
            return new DualControlBody(List.copyOf(d.highRiskUsers()), List.copyOf(d.highRiskGroups()),
                    d.allVerifications());
        }
    }

    record EffectivePolicy(long countdownSeconds, int codeLength, int maxChallengesPerUser,
                           int maxChallengesPerTechnician, int maxChallengesPerCustomer, List<String> allowedMethods) {}

    record CustomerResponse(String slug, String name, List<String> emailDomains, String defaultRegion,
                            String microsoftTenantId, Map<String, List<String>> psaCompanies, PolicyBody policy,
                            EffectivePolicy effectivePolicy) {}
}
