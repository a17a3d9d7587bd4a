package io.helpdeskverify.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ping}: 204, no body, no authentication, no Redis. For load balancers that only need
 * "the process answers HTTP", and as the bare endpoint the load benchmark compares the Slack ack
 * path with (same server, same filters, nothing else).
 */
@RestController
class PingController {

    @GetMapping("/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().build();
    }
}
