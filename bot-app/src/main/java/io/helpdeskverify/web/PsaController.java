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
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The PSA connections for an admin: what is set (never a secret) and whether a test call works now. */
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
