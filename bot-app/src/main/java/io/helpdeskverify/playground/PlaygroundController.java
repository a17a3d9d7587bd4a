package io.helpdeskverify.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.delivery.outbox.Outbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The page, its state snapshot, live updates and the reset button. */
@RestController
@Profile("local")
class PlaygroundController {

    private final PlaygroundHub hub;
    private final Outbox outbox;
    private final PlaygroundReset reset;
    private final ObjectMapper json;

    PlaygroundController(PlaygroundHub hub, Outbox outbox, PlaygroundReset reset, ObjectMapper json) {
        this.hub = hub;
        this.outbox = outbox;
        this.reset = reset;
        this.json = json;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() throws IOException {
        try (InputStream in = new ClassPathResource("playground/index.html").getInputStream()) {
            return ResponseEntity.ok().header("Cache-Control", "no-store")
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/playground/state")
    JsonNode state() {
        ObjectNode s = json.createObjectNode();
        s.set("slack", json.valueToTree(hub.slackMessages()));
        s.set("teams", json.valueToTree(hub.teamsActivities()));
        s.set("outbox", json.valueToTree(outbox.latest(50)));
        return s;
    }

    @GetMapping(path = "/playground/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return hub.listen();
    }

    /**
     * Wipes Redis, so only the playground's own page may ask: a browser sends {@code Origin} (and
     * {@code Sec-Fetch-Site}) with every POST, and another site's page cannot forge them.
     */
    @PostMapping("/playground/reset")
    ResponseEntity<JsonNode> reset(HttpServletRequest request) {
        if (!sameOrigin(request)) {
            var problem = json.createObjectNode().put("title", "Forbidden").put("status", 403)
                    .put("detail", "Reset the playground from its own page (the Reset button).");
            return ResponseEntity.status(403).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        reset.run();
        return ResponseEntity.ok(json.createObjectNode().put("ok", true));
    }

    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String host = request.getHeader("Host");
        return origin != null && host != null && origin.equals(request.getScheme() + "://" + host);
    }
}
