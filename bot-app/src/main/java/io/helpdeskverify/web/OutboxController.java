package io.helpdeskverify.web;

import io.helpdeskverify.delivery.outbox.Outbox;
import io.helpdeskverify.delivery.outbox.OutboxMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the outbox "sent", newest first. Exists only where the outbox does (the local profile). */
@Tag(name = "Local development", description = "Only where the outbox stands in for real senders (the local profile).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@ConditionalOnProperty(name = "helpdesk.outbox.enabled", havingValue = "true")
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Operation(operationId = "listOutbox", summary = "What the outbox would have sent, newest first (codes included)")
    @GetMapping("/api/v1/dev/outbox")
    List<OutboxMessage> latest(@RequestParam(defaultValue = "50") int limit) {
        return outbox.latest(Math.max(1, Math.min(limit, 200)));
    }
}
