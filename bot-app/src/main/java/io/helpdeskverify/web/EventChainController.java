package io.helpdeskverify.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helpdeskverify.events.ChainReport;
import io.helpdeskverify.events.EventChainCheck;
import io.helpdeskverify.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tamper-evident chains of the audit log: walk one, or hand out its key for offline checks (docs/audit.md). */
@Tag(name = "Audit events", description = "The audit log, with filters (AUDITOR).")
@RestController
@RequestMapping("/api/v1/events")
class EventChainController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final EventChainCheck chains;

    EventChainController(EventChainCheck chains) {
        this.chains = chains;
    }

    /** What a walk found; {@code firstBreak} only when {@code intact} is false. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verdict(boolean intact, String chain, long checked, long unchained, String firstId, String lastId,
                   String checkpoint, Break firstBreak) {

        record Break(String id, String reason, String detail) {}

        static Verdict of(ChainReport r) {
            return new Verdict(r.intact(), r.chain(), r.checked(), r.unchained(), r.firstId(), r.lastId(),
                    r.checkpoint(), r.firstBreak().map(b -> new Break(b.id(), b.reason().name().toLowerCase(Locale.ROOT),
                            b.detail())).orElse(null));
        }
    }

    /** The chain's key, base64url: sensitive, whoever holds it can forge links of that chain. */
    record ChainKey(String chain, String key) {}

    @Operation(operationId = "verifyEvents", summary = "Walk a customer's event chain (or the global one) and say "
            + "whether it is intact, or the first event that was edited, removed or moved")
    @SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "AUDITOR")
    @GetMapping(path = "/verify", produces = "application/json")
    Verdict verify(@AuthenticationPrincipal Caller.Api caller, @RequestParam Optional<String> customer,
                   @RequestParam Optional<String> from, @RequestParam Optional<String> to) {
        Optional<String> c = customer(caller, customer);
        Optional<Instant> since = from.map(f -> EventTimes.parse("from", f));
        Optional<Instant> until = to.map(t -> EventTimes.parse("to", t));
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter", "from must not be after to.");
        }
        if (c.isPresent() && !caller.mayActOn(c.get())) {
            // Another customer's chain reads as an unknown customer's: empty, and so intact.
            return Verdict.of(new ChainReport("customer:" + c.get(), 0, 0, "", "", "", Optional.empty()));
        }
        return Verdict.of(chains.verify(c, since, until));
    }

    @Operation(operationId = "getEventChainKey", summary = "The key of a customer's event chain (or the global "
            + "one), for checking an export offline. Sensitive: it can forge that chain's links")
    @SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
    @GetMapping(path = "/key", produces = "application/json")
    ChainKey key(@AuthenticationPrincipal Caller.Api caller, @RequestParam Optional<String> customer) {
        Optional<String> c = customer(caller, customer);
        return new ChainKey(c.map(s -> "customer:" + s).orElse("global"), chains.key(c));
    }

    /* The global chain spans every customer: only a token that sees them all may walk it. */
    private static Optional<String> customer(Caller.Api caller, Optional<String> customer) {
        if (customer.isEmpty()) {
            if (!caller.seesEveryCustomer()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter", "This token reads the events of "
                        + caller.token().customers().asList() + " only: pass customer=<slug>.");
            }
            return Optional.empty();
        }
        String slug = customer.get().strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "customer must be a customer's slug (lower-case letters, digits and '-').");
        }
        return Optional.of(slug);
    }
}
