package io.helpdeskverify.web;

import io.helpdeskverify.psa.PsaConnections;
import io.helpdeskverify.psa.PsaProvider;
import java.time.Instant;
import java.util.Arrays;
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

    PsaController(PsaConnections connections) {
        this.connections = connections;
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

    record TestCallBody(boolean ok, Instant at, String problem) {}

    record StatusResponse(String provider, String name, boolean configured, Map<String, String> settings,
                          TestCallBody testCall, Long callsThisHour) {}
}
