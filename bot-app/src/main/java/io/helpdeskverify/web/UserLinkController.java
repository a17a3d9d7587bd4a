package io.helpdeskverify.web;

import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Rejection;
import io.helpdeskverify.verification.TechnicianName;
import io.helpdeskverify.verification.UserLinks;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a one-time link in an SMS or email opens ({@code /u/<token>}, docs/delivery.md): the
 * token is the credential, so the path is on the security allow-list. Opening it only shows the
 * buttons, because mail and message scanners fetch every link; pressing one (a POST) uses the token
 * up and answers: "the codes match" or "they don't" for a reverse check, "I did not ask for this"
 * (denied, USER_REPORTED) for a code. A plain form, no script, under a CSP that loads nothing but
 * the app's style sheet.
 */
@Hidden
@RestController
class UserLinkController {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final UserLinks links;
    private final VerificationService verifications;
    private final String mspName;

    UserLinkController(UserLinks links, VerificationService verifications, HelpdeskProperties props) {
        this.links = links;
        this.verifications = verifications;
        this.mspName = props.mspName();
    }

    @GetMapping(value = UserLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token) {
        var open = links.peek(token).flatMap(verifications::find).filter(v -> !v.isFinal());
        if (open.isEmpty()) {
            return gone();
        }
        var v = open.get();
        String technician = TechnicianName.forEndUser(v.technician().name()).value();
        String action = UserLinks.PATH + token;
        String body = v.reverse()
                ? "<h1>Is it really " + esc(technician) + "?</h1>"
                + "<p>" + esc(technician) + " from " + esc(mspName) + " is calling you and should read you the code "
                + "from your message.</p>"
                + "<form method=\"post\" action=\"" + esc(action) + "\">"
                + "<button class=\"primary\" name=\"answer\" value=\"match\">The codes match</button>"
                + "<button class=\"danger\" name=\"answer\" value=\"nomatch\">They don't match, or I did not expect "
                + "this call</button></form>"
                + "<p class=\"hint\">If the codes do not match, hang up and tell your IT contact.</p>"
                : "<h1>Did you ask for this code?</h1>"
                + "<p>" + esc(mspName) + " sent you a code because " + esc(technician) + " is verifying that they "
                + "are speaking with you. If you are on a call with them, just read them the code: nothing to do here.</p>"
                + "<form method=\"post\" action=\"" + esc(action) + "\">"
                + "<button class=\"danger\" name=\"answer\" value=\"report\">I did not ask for this</button></form>"
                + "<p class=\"hint\">This ends the check and tells your IT team that someone may be pretending to be you.</p>";
        return page(HttpStatus.OK, body);
    }

    @PostMapping(value = UserLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> answer(@PathVariable String token, @RequestParam(name = "answer", required = false) String answer) {
        var open = links.peek(token).flatMap(verifications::find);
        if (open.isEmpty()) {
            return gone();
        }
        Optional<String> kind = kind(open.get(), answer == null ? "" : answer);
        if (kind.isEmpty()) {
            // The token is kept: a wrong button value is no answer.
            return page(HttpStatus.BAD_REQUEST, "<h1>That is not an answer this link takes.</h1>"
                    + "<p>Open the link from your message again and press one of its buttons.</p>");
        }
        // Used up before acting: of two presses (or a press and a replay) only one answers.
        var id = links.redeem(token);
        if (id.isEmpty() || !id.get().equals(open.get().id())) {
            return gone();
        }
        ActionResult result = switch (kind.get()) {
            case "match" -> verifications.userConfirm(id.get(), true);
            case "nomatch" -> verifications.userConfirm(id.get(), false);
            default -> verifications.userReport(id.get());
        };
        if (result instanceof ActionResult.Done) {
            return page(HttpStatus.OK, switch (kind.get()) {
                case "match" -> "<h1>Thank you: the call is confirmed.</h1><p>You can carry on with your call.</p>";
                case "nomatch" -> "<h1>Thank you: the check ended.</h1><p>Hang up, and tell your IT contact that "
                        + "someone called you as " + esc(TechnicianName.forEndUser(open.get().technician().name()).value())
                        + ". Do not give the caller anything.</p>";
                default -> "<h1>Thank you: the check was denied.</h1><p>Your IT team has been told that someone may be "
                        + "pretending to be you.</p>";
            });
        }
        if (result instanceof ActionResult.Refused refused && refused.rejection() != Rejection.EXPIRED) {
            return page(HttpStatus.CONFLICT, "<h1>This check has already ended.</h1><p>Nothing was changed.</p>");
        }
        return gone();
    }

    /** Which answers a link takes: the reverse check's two, or a code's "I did not ask for this". */
    private static Optional<String> kind(Verification v, String answer) {
        if (v.reverse()) {
            return answer.equals("match") || answer.equals("nomatch") ? Optional.of(answer) : Optional.empty();
        }
        return answer.equals("report") ? Optional.of(answer) : Optional.empty();
    }

    /* Used, expired, ended or never issued: told alike, so that a token cannot be probed. */
    private ResponseEntity<String> gone() {
        return page(HttpStatus.NOT_FOUND, "<h1>This link no longer works.</h1><p>It was used already, or the check "
                + "it belongs to has ended. If you did not expect a call or a code, tell your IT contact.</p>");
    }

    private ResponseEntity<String> page(HttpStatus status, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + esc(mspName) + ": identity check</title>"
                + "<link rel=\"stylesheet\" href=\"/app/app.css\"></head><body><header>" + esc(mspName)
                + "</header><main>" + body + "</main></body></html>";
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", CSP).header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex").body(html);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
