package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.psa.CompanySuggestions;
import io.helpdeskverify.psa.PsaCompany;
import io.helpdeskverify.psa.PsaConnections;
import io.helpdeskverify.psa.PsaException;
import io.helpdeskverify.psa.PsaProvider;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The PSA connections for an admin: what is set (never a secret) and whether a test call works now. */
@Tag(name = "PSA", description = "ConnectWise Manage and Datto Autotask: the connections, company mapping and ticket verifications.")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/psa")
class PsaController {

    private final PsaConnections connections;
    private final CompanySuggestions suggestions;
    private final DirectoryService directory;

    PsaController(PsaConnections connections, CompanySuggestions suggestions, DirectoryService directory) {
        this.connections = connections;
        this.suggestions = suggestions;
        this.directory = directory;
    }

    /** The PSA companies that look like this customer, and the one to map when it is unambiguous. */
    @Operation(operationId = "getPsaCompanySuggestions", summary = "Suggest the PSA company to map to a customer, when it is unambiguous")
    @ApiResponse(responseCode = "200", description = "The candidates, and the one to map if there is exactly one.")
    @ApiResponse(responseCode = "404", description = "No such PSA or customer.")
    @ApiResponse(responseCode = "502", description = "The PSA answered with an error (credentials, permissions).")
    @GetMapping("/{provider}/customers/{slug}/company-suggestions")
    SuggestionResponse suggestions(@PathVariable String provider, @PathVariable String slug) {
        var psa = provider(provider);
        var customer = directory.customer(slug);
        try {
            var s = suggestions.forCustomer(psa, customer);
            return new SuggestionResponse(s.candidates(), s.suggested().orElse(null),
                    s.suggested().map(c -> "PATCH /api/v1/customers/" + customer.slug() + " {\"psaCompanies\":{\""
                            + psa.id() + "\":[\"" + c.id() + "\"]}}").orElse(null));
        } catch (PsaException e) {
            throw new ApiException(e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY,
                    psa.label() + " did not answer", e.getMessage()).withReason(e.kind().name());
        }
    }

    @Operation(operationId = "getPsaStatus", summary = "Say what is configured for a PSA (never a secret) and whether a test call works")
    @ApiResponse(responseCode = "200", description = "The settings as set or missing, and the test call's result.")
    @ApiResponse(responseCode = "404", description = "No such PSA.")
    @GetMapping("/{provider}/status")
    StatusResponse status(@PathVariable String provider) {
        var s = connections.status(provider(provider));
        return new StatusResponse(s.provider().id(), s.provider().label(), s.configured(), s.settings(),
                s.testCall().map(t -> new TestCallBody(t.ok(), t.at(), t.ok() ? null : t.message())).orElse(null),
                s.callsThisHour().orElse(null));
    }

    static PsaProvider provider(String name) {
        return PsaProvider.of(name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Unknown PSA",
                "'" + name + "' is not a PSA this service knows: use one of "
                        + Arrays.stream(PsaProvider.values()).map(PsaProvider::id).toList() + "."));
    }

    /** @param map the call that maps the suggestion, for the admin to make */
    record SuggestionResponse(List<PsaCompany> candidates, PsaCompany suggested, String map) {}

    record TestCallBody(boolean ok, Instant at, String problem) {}

    record StatusResponse(String provider, String name, boolean configured, Map<String, String> settings,
                          TestCallBody testCall, Long callsThisHour) {}
}
