package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.LdapCheck;
import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.directory.LdapSources;
import io.helpdeskverify.directory.LdapSyncState;
import java.util.List;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's on-premises Active Directory connection (docs/directory.md). The bind password is
 * write-only: answers say {@code "passwordSet": true}, and a PUT without one keeps the stored one.
 */
@Tag(name = "Active Directory", description = "A customer's on-premises Active Directory connection (LDAPS), for its syncs.")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/customers/{slug}/directory/ldap")
class LdapSourceController {

    private final DirectoryService directory;
    private final LdapSources sources;
    private final LdapSyncState syncState;
    private final LdapCheck check;

    LdapSourceController(DirectoryService directory, LdapSources sources, LdapSyncState syncState, LdapCheck check) {
        this.directory = directory;
        this.sources = sources;
        this.syncState = syncState;
        this.check = check;
    }

    record LdapSourceBody(List<String> urls, String bindDn, String password, List<String> baseDns, String filter,
                          String caCertificatePem, Boolean allowPlainLdap, Boolean startTls) {
        @Override
        public String toString() {
            return "LdapSourceBody[urls=" + urls + ", bindDn=" + bindDn + ", password=redacted]";
        }
    }

    record LdapSourceResponse(List<String> urls, String bindDn, boolean passwordSet, List<String> baseDns, String filter,
                              String caCertificatePem, boolean allowPlainLdap, boolean startTls) {
        static LdapSourceResponse of(LdapSource s) {
            return new LdapSourceResponse(s.urls(), s.bindDn(), !s.password().isEmpty(), s.baseDns(), s.effectiveFilter(),
                    s.caCertificatePem().orElse(null), s.allowPlainLdap(), s.startTls());
        }
    }

    /** @param problem what is wrong (when {@code ok} is false); {@code fix} what to change */
    record TestResponse(boolean ok, String server, String sampleEntry, String problem, String fix) {}

    @Operation(operationId = "getLdapSource", summary = "Get the customer's Active Directory connection (never its password)")
    @ApiResponse(responseCode = "200", description = "The connection; passwordSet says whether a bind password is stored.")
    @ApiResponse(responseCode = "404", description = "No such customer, or it has no Active Directory connection.")
    @GetMapping
    LdapSourceResponse get(@PathVariable String slug) {
        String customer = directory.customer(slug).slug();
        return sources.find(customer).map(LdapSourceResponse::of).orElseThrow(() -> none(customer));
    }

    @Operation(operationId = "putLdapSource", summary = "Set the customer's Active Directory connection (a PUT without password keeps the stored one)")
    @ApiResponse(responseCode = "200", description = "Stored; syncs use it from their next run.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @ApiResponse(responseCode = "422", description = "A setting is invalid; field names it (urls[i], bindDn, password, baseDns, filter, caCertificatePem).")
    @PutMapping
    LdapSourceResponse put(@PathVariable String slug, @RequestBody(required = false) LdapSourceBody body) {
        String customer = directory.customer(slug).slug();
        if (body == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Malformed request", "The body must be a JSON object: "
                    + "{\"urls\": [\"ldaps://dc1.example.com:636\"], \"bindDn\": …, \"password\": …, \"baseDns\": […]}.");
        }
        var stored = sources.find(customer);
        String password = Optional.ofNullable(body.password())
                .or(() -> stored.map(LdapSource::password)).orElse("");
        var source = new LdapSource(orEmpty(body.urls()), Optional.ofNullable(body.bindDn()).orElse("").strip(),
                password, orEmpty(body.baseDns()).stream().map(String::strip).toList(),
                Optional.ofNullable(body.filter()).map(String::strip), Optional.ofNullable(body.caCertificatePem()),
                Boolean.TRUE.equals(body.allowPlainLdap()), Boolean.TRUE.equals(body.startTls()));
        source.validate();
        check.validate(source);
        sources.save(customer, source);
        return LdapSourceResponse.of(source);
    }

    /** Syncs stop; imported users stay as they are (the next full pass of a new connection decides about them). */
    @Operation(operationId = "deleteLdapSource", summary = "Remove the customer's Active Directory connection (imported users stay)")
    @ApiResponse(responseCode = "204", description = "Removed; its syncs stop.")
    @ApiResponse(responseCode = "404", description = "No such customer, or it has no Active Directory connection.")
    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String slug) {
        String customer = directory.customer(slug).slug();
        if (!sources.delete(customer)) {
            throw none(customer);
        }
        syncState.clearAll(customer);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "testLdapSource", summary = "Bind and search once with the stored connection, and say what is wrong if it fails")
    @ApiResponse(responseCode = "200", description = "ok, or the problem (unreachable controller, wrong password, untrusted certificate, missing base DN) and its fix.")
    @ApiResponse(responseCode = "404", description = "No such customer, or it has no Active Directory connection.")
    @PostMapping("/test")
    TestResponse test(@PathVariable String slug) {
        String customer = directory.customer(slug).slug();
        var source = sources.find(customer).orElseThrow(() -> none(customer));
        var result = check.check(source);
        if (result instanceof LdapCheck.Result.Passed passed) {
            return new TestResponse(true, passed.server(), passed.sample().isEmpty() ? null : passed.sample(), null, null);
        }
        var failed = (LdapCheck.Result.Failed) result;
        return new TestResponse(false, null, null, failed.problem(), failed.fix());
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list.stream().map(x -> x == null ? "" : x).toList();
    }

    private static ApiException none(String customer) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "Customer '" + customer + "' has no Active Directory "
                + "connection. Set one with PUT /api/v1/customers/" + customer + "/directory/ldap.");
    }
}
