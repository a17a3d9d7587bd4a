package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryConsent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Microsoft 365 directory")
@RestController
class ConsentCallbackController {

    static final String PATH = "/directory/consent/callback";

    private final DirectoryConsent consent;

    ConsentCallbackController(DirectoryConsent consent) {
        this.consent = consent;
    }

    @SecurityRequirements
    @Operation(operationId = "completeConsent", summary = "Microsoft's redirect after admin consent (a browser page)",
            description = "Its only credential is the one-time `state` in the link from getConsentUrl.")
    @ApiResponse(responseCode = "200", description = "Connected.", content = @Content(mediaType = MediaType.TEXT_HTML_VALUE,
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Not connected (the page says why), or a path the gate refuses.",
            content = {@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
                    @Content(mediaType = OpenApiErrors.PROBLEM_JSON, schema = @Schema(ref = OpenApiConfiguration.PROBLEM))})
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
