package io.helpdeskverify.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
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
 * {@code POST /slack/events}: slash commands, interactivity and events in HTTP mode. The signature
 * is checked on the raw body before Bolt parses it ({@link SlackSignatureGate}: 401 problem when it
 * is missing, wrong or older than 5 minutes); Bolt checks it again before any handler runs.
 * Without Slack settings the route answers 503 with what to set.
 */
@RestController
class SlackController {

    private static final Logger log = LoggerFactory.getLogger(SlackController.class);

    private final ObjectProvider<App> app;
    private final ObjectProvider<SlackAppServletAdapter> adapter;
    /** Empty without a signing secret: then Slack is off and the route answers 503 before any check. */
    private final Optional<SlackSignatureGate> gate;

    SlackController(ObjectProvider<App> app, ObjectProvider<SlackAppServletAdapter> adapter,
                          SlackProperties props, Clock clock) {
        this.app = app;
        this.adapter = adapter;
        this.gate = props.signingSecret().isBlank() ? Optional.empty()
                : Optional.of(new SlackSignatureGate(props.signingSecret(), clock));
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
        if (bolt == null || servlet == null || gate.isEmpty()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Slack is not configured on this server: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
                            + "(see docs/slack.md).");
            problem.setTitle("Slack not configured");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        // Java 17: no pattern switch yet; the verdict is sealed, so these three are all there is.
        var verdict = gate.get().check(request);
        if (verdict instanceof SlackSignatureGate.Verdict.Refused refused) {
            return problem(HttpStatus.UNAUTHORIZED, "Not signed by Slack", refused.reason());
        }
        if (verdict instanceof SlackSignatureGate.Verdict.TooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    "Slack requests are far smaller than " + SlackSignatureGate.MAX_BODY_BYTES + " bytes.");
        }
        HttpServletRequest signed = ((SlackSignatureGate.Verdict.Signed) verdict).request();
        try {
            servlet.writeResponse(response, bolt.run(servlet.buildSlackRequest(signed)));
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

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
