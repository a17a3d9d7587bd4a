package io.helpdeskverify.web;

import io.helpdeskverify.delivery.outbox.Outbox;
import io.helpdeskverify.delivery.outbox.OutboxMessage;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the outbox "sent", newest first. Exists only where the outbox does (the local profile). */
@RestController
@ConditionalOnProperty(name = "helpdesk.outbox.enabled", havingValue = "true")
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/dev/outbox")
    List<OutboxMessage> latest(@RequestParam(defaultValue = "50") int limit) {
        return outbox.latest(Math.max(1, Math.min(limit, 200)));
    }
}
