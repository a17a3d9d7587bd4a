package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.siem.DeliveryState;
import io.helpdeskverify.siem.WebhookRejected;
import io.helpdeskverify.siem.Webhooks;
import io.helpdeskverify.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SIEM webhook destinations (ADMIN only): made with their signing secret, shown once; listed and removed without it. */
@Tag(name = "SIEM", description = "SIEM webhook destinations: every event, signed, to the MSP's or a customer's receiver (ADMIN).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final Webhooks webhooks;
    private final DirectoryRepository directory;

    WebhookController(Webhooks webhooks, DirectoryRepository directory) {
        this.webhooks = webhooks;
        this.directory = directory;
    }

    @Operation(operationId = "createWebhook",
            summary = "Add a SIEM webhook destination; its signing secret is shown only in this answer")
    @ApiResponse(responseCode = "201", description = "Created; it receives every event stored from now on.")
    @ApiResponse(responseCode = "422", description = "A field is invalid (the detail names it).")
    @PostMapping
    ResponseEntity<CreatedResponse> create(@AuthenticationPrincipal Caller.Api admin, @RequestBody WebhookRequest body) {
        String kind = body.kind() == null ? "webhook" : body.kind().strip().toLowerCase(Locale.ROOT);
        Optional<String> customer = Optional.ofNullable(body.customer());
        var created = switch (kind) {
            case "webhook" -> webhooks.create(body.url(), customer, body.description(), admin.token().name(),
                    slug -> directory.customer(slug).isPresent());
            case "syslog" -> webhooks.createSyslog(body.host(), body.port(), body.tls() == null || body.tls(), customer,
                    body.description(), admin.token().name(), slug -> directory.customer(slug).isPresent());
            default -> throw new WebhookRejected("kind", "kind must be webhook or syslog.");
        };
        var status = webhooks.find(created.destination().id()).orElseThrow(this::gone);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedResponse(WebhookResponse.of(status),
                created.secret()));
    }

    @Operation(operationId = "listWebhooks", summary = "List the SIEM webhook destinations and how delivery stands")
    @GetMapping
    List<WebhookResponse> list() {
        return webhooks.all().stream().map(WebhookResponse::of).toList();
    }

    @Operation(operationId = "getWebhook", summary = "Get one SIEM webhook destination")
    @ApiResponse(responseCode = "200", description = "The destination (never its secret).")
    @ApiResponse(responseCode = "404", description = "No destination with this id.")
    @GetMapping("/{id}")
    WebhookResponse get(@PathVariable String id) {
        return webhooks.find(id).map(WebhookResponse::of).orElseThrow(() -> notFound(id));
    }

    @Operation(operationId = "rotateWebhookSecret",
            summary = "Replace a destination's signing secret; the new one is shown only in this answer")
    @ApiResponse(responseCode = "200", description = "Replaced; the old secret signs nothing from now on.")
    @ApiResponse(responseCode = "404", description = "No destination with this id.")
    @PostMapping("/{id}/secret")
    SecretResponse rotate(@PathVariable String id) {
        return webhooks.rotateSecret(id).map(s -> new SecretResponse(id, s)).orElseThrow(() -> notFound(id));
    }

    @Operation(operationId = "deleteWebhook", summary = "Remove a SIEM webhook destination and its outbox")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ApiResponse(responseCode = "404", description = "No destination with this id.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!webhooks.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "No webhook with id '" + id + "'.");
    }

    private ApiException gone() {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "The webhook was removed meanwhile.");
    }

    /**
     * @param kind {@code webhook} (default: signed HTTPS POSTs) or {@code syslog} (RFC 5424 lines with CEF over TCP)
     * @param url webhook: https URL of the receiver (plain http only to 127.0.0.1 or localhost in local and test runs)
     * @param customer optional slug: only this customer's events; absent, every customer's
     * @param description optional, for the admins
     * @param host syslog: the receiver's host name or address
     * @param port syslog: the receiver's TCP port
     * @param tls syslog: TLS (default true; false only to 127.0.0.1 or localhost in local and test runs)
     */
    record WebhookRequest(String kind, String url, String customer, String description, String host, Integer port,
                          Boolean tls) {}

    /**
     * @param kind webhook or syslog
     * @param url where events go; a syslog destination's is {@code syslog+tls://host:port} (or {@code syslog://})
     * @param customer the customer slug, or "*" for every customer of the MSP
     * @param delivery where delivery stands: the last event delivered and any failure in progress
     */
    record WebhookResponse(String id, String kind, String url, String customer, String description,
                           Instant createdAt, String createdBy, DeliveryResponse delivery) {
        static WebhookResponse of(Webhooks.Status s) {
            var d = s.destination();
            return new WebhookResponse(d.id(), d.url().startsWith("syslog") ? "syslog" : "webhook", d.url(),
                    d.customer().orElse("*"), d.description(), d.createdAt(), d.createdBy(),
                    DeliveryResponse.of(s.delivery(), s.lastEventId()));
        }
    }

    /**
     * @param lastEventId the id of the last event delivered (or skipped after the retry window)
     * @param attempts failed attempts at the next event so far
     * @param failingSince when the next event first failed; absent while deliveries succeed
     * @param nextAttemptAt when the next event is tried again; absent while deliveries succeed
     * @param dropped events given up on after failing for the whole retry window
     */
    record DeliveryResponse(String lastEventId, int attempts, Instant failingSince, Instant nextAttemptAt,
                            String lastError, long dropped) {
        static DeliveryResponse of(DeliveryState s, String lastEventId) {
            return new DeliveryResponse(lastEventId, s.attempts(), s.failingSince().orElse(null),
                    s.failingSince().map(x -> s.nextAttemptAt()).orElse(null), s.lastError(), s.dropped());
        }
    }

    /** @param secret the signing secret, shown this once and stored only sealed (a syslog destination has no use for it) */
    record CreatedResponse(WebhookResponse webhook, String secret) {}

    /** @param secret the new signing secret, shown this once */
    record SecretResponse(String id, String secret) {}
}
