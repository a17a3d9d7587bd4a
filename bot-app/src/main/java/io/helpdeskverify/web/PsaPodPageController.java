package io.helpdeskverify.web;

import io.helpdeskverify.psa.PodProperties;
import io.helpdeskverify.psa.PsaProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The ticket page inside a PSA (docs/psa.md#the-pod-page): static HTML, script and style from the jar,
 * under a CSP that loads nothing from elsewhere and lets only the configured ConnectWise Manage
 * origins frame it. The page itself holds no secret; what it shows comes from the API once
 * ConnectWise confirmed the member.
 */
@Hidden
@RestController
class PsaPodPageController {

    private final String html;
    private final String script = read("pod.js");
    private final String style = read("pod.css");
    private final String csp;

    PsaPodPageController(PsaProperties psa, PodProperties pod) {
        var origins = pod.framingOrigins(psa.connectwise().url());
        this.html = read("pod.html").replace("{{CONNECTWISE_ORIGINS}}", HtmlUtils.htmlEscape(String.join(" ", origins)));
        // Origins are only scheme://host[:port] (PodProperties), so nothing in them can end the directive.
        String ancestors = origins.isEmpty() ? "'none'" : String.join(" ", origins.stream()
                .filter(o -> o.matches("https?://[A-Za-z0-9.-]+(:\\d+)?")).toList());
        this.csp = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors " + (ancestors.isBlank() ? "'none'" : ancestors);
    }

    @GetMapping(value = "/psa/pod", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return file(html, MediaType.parseMediaType("text/html;charset=UTF-8"));
    }

    @GetMapping(value = "/psa/pod.js", produces = "text/javascript")
    ResponseEntity<String> script() {
        return file(script, MediaType.parseMediaType("text/javascript;charset=UTF-8"));
    }

    @GetMapping(value = "/psa/pod.css", produces = "text/css")
    ResponseEntity<String> style() {
        return file(style, MediaType.parseMediaType("text/css;charset=UTF-8"));
    }

    private ResponseEntity<String> file(String body, MediaType type) {
        return ResponseEntity.ok().contentType(type).header("Content-Security-Policy", csp)
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store").body(body);
    }

    private static String read(String name) {
        try (InputStream in = PsaPodPageController.class.getResourceAsStream("/psa-pod/" + name)) {
            if (in == null) {
                throw new IllegalStateException("psa-pod/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
