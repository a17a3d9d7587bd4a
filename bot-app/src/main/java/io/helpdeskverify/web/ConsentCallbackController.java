package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryConsent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where Microsoft sends the customer's admin after the consent screen. A browser page, not part of
 * the admin API: its only credential is the one-time {@code state} in the link.
 */
@RestController
class ConsentCallbackController {

    static final String PATH = "/directory/consent/callback";

    private final DirectoryConsent consent;

    ConsentCallbackController(DirectoryConsent consent) {
        this.consent = consent;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> callback(@RequestParam(required = false) String state,
                                    @RequestParam(required = false) String tenant,
                                    @RequestParam(name = "admin_consent", required = false) String adminConsent,
                                    @RequestParam(required = false) String error,
                                    @RequestParam(name = "error_description", required = false) String errorDescription) {
        var outcome = consent.complete(state, tenant, adminConsent, error, errorDescription);
        if (outcome instanceof DirectoryConsent.Outcome.Connected c) {
            return page(HttpStatus.OK, "Microsoft 365 connected", c.customerName() + " is now connected (tenant "
                    + c.tenantId() + "). " + (c.importStarted() ? "Its users are being imported; "
                    : "") + "You can close this page.");
        }
        return page(HttpStatus.BAD_REQUEST, "Microsoft 365 not connected", ((DirectoryConsent.Outcome.Refused) outcome).message());
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String message) {
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>%s</h1><p>%s</p></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(html);
    }
}
