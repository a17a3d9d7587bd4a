package io.helpdeskverify.delivery.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's message status callbacks. Only a request signed with our auth token over the configured
 * public URL is read; anything else is 403 and changes nothing.
 */
@RestController
class TwilioStatusController {

    private static final Logger log = LoggerFactory.getLogger(TwilioStatusController.class);

    private final StatusCallbackVerifier verifier;
    private final SmsStatusReports reports;

    TwilioStatusController(StatusCallbackVerifier verifier, SmsStatusReports reports) {
        this.verifier = verifier;
        this.reports = reports;
    }

    @PostMapping(path = TwilioProperties.CALLBACK_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> status(HttpServletRequest request,
                             @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        var params = bodyParams(request);
        if (!verifier.verify(request.getQueryString(), params, signature)) {
            log.warn("Twilio status callback refused: {}", verifier.enabled() ? "signature does not match"
                    : "callbacks are not configured (TWILIO_AUTH_TOKEN and TWILIO_STATUS_CALLBACK_URL or HELPDESK_PUBLIC_URL)");
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, verifier.enabled()
                    ? "X-Twilio-Signature does not match this request. If Twilio sent it, check that "
                            + "TWILIO_STATUS_CALLBACK_URL is the exact public URL and TWILIO_AUTH_TOKEN the account's token."
                    : "Twilio status callbacks are not configured on this installation.");
            problem.setTitle("Forbidden");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String sid = params.getOrDefault("MessageSid", params.getOrDefault("SmsSid", ""));
        String status = params.getOrDefault("MessageStatus", params.getOrDefault("SmsStatus", ""));
        if (sid.isBlank() || status.isBlank()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "MessageSid and MessageStatus are required.");
            problem.setTitle("Invalid input");
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        reports.report(sid, status, params.get("ErrorCode"));
        return ResponseEntity.noContent().build();
    }

    /** The POST body's fields: what Twilio signs next to the URL (query parameters are part of the URL). */
    private static Map<String, String> bodyParams(HttpServletRequest request) {
        Set<String> inQuery = new HashSet<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                inQuery.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
            }
        }
        var params = new HashMap<String, String>();
        request.getParameterMap().forEach((k, v) -> {
            if (!inQuery.contains(k) && v.length > 0) {
                params.put(k, v[0]);
            }
        });
        return params;
    }
}
