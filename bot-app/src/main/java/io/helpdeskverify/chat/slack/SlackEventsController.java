package io.helpdeskverify.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /slack/events}: slash commands, interactivity and events in HTTP mode. Bolt checks
 * the signature (401 when it is missing, wrong or older than 5 minutes) before any handler runs.
 * Without Slack settings the route answers 503 with what to set.
 */
@RestController
class SlackEventsController {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

    private final ObjectProvider<App> app;
    private final ObjectProvider<SlackAppServletAdapter> adapter;

    SlackEventsController(ObjectProvider<App> app, ObjectProvider<SlackAppServletAdapter> adapter) {
        this.app = app;
        this.adapter = adapter;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportStatus() {
        if (app.getIfAvailable() == null) {
            log.info("Slack: off. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on (docs/slack.md); "
                    + "/slack/events answers 503 until then");
        }
    }

    @PostMapping("/slack/events")
    ResponseEntity<?> events(HttpServletRequest request, HttpServletResponse response) throws IOException {
        App bolt = app.getIfAvailable();
        SlackAppServletAdapter servlet = adapter.getIfAvailable();
        if (bolt == null || servlet == null) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Slack is not configured on this server: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
                            + "(see docs/slack.md).");
            problem.setTitle("Slack not configured");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        try {
            servlet.writeResponse(response, bolt.run(servlet.buildSlackRequest(request)));
        } catch (Exception e) {
            // Slack shows its own error on a 5xx; a short ephemeral answer tells the user what to do.
            log.error("Slack request failed", e);
            response.setStatus(200);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"response_type\":\"ephemeral\",\"text\":\"Something went wrong on our side. "
                    + "Try again in a moment; if it keeps failing, ask your admin to check the bot's log.\"}");
        }
        return null;
    }
}
