package io.helpdeskverify.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.shared.AppProperties;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The self-serve app's shell: its page, the Web App Manifest (named after the MSP, so it is built
 * here rather than shipped) and the settings the page needs. Its scripts, styles and icons are
 * static resources under {@code /app/} ({@link AppWebConfiguration}). Not part of the API document.
 */
@Hidden
@RestController
class AppController {

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");
    /** How often the app asks for challenges while it is open: often enough for a call in progress. */
    static final int POLL_SECONDS = 3;

    private final String page;
    private final ObjectMapper json;
    private final String mspName;
    private final AppProperties app;

    AppController(ObjectMapper json, HelpdeskProperties props, AppProperties app) throws IOException {
        try (InputStream in = new ClassPathResource("app/index.html").getInputStream()) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        this.json = json;
        this.mspName = props.mspName();
        this.app = app;
    }

    /** The scope is {@code /app/}: without the slash the page would be outside its own service worker. */
    @GetMapping("/app")
    ResponseEntity<Void> withSlash() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header("Location", "/app/").build();
    }

    @GetMapping(path = "/app/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page);
    }

    @GetMapping("/app/manifest.webmanifest")
    ResponseEntity<ObjectNode> manifest() {
        ObjectNode m = json.createObjectNode();
        m.put("id", "/app/");
        m.put("name", mspName + " Verify");
        m.put("short_name", shortName());
        m.put("description", "Confirm it is you when " + mspName + "'s help desk asks.");
        m.put("start_url", "/app/");
        m.put("scope", "/app/");
        m.put("display", "standalone");
        m.put("background_color", "#ffffff");
        m.put("theme_color", "#1f4e79");
        ArrayNode icons = m.putArray("icons");
        for (int size : new int[] {192, 512}) {
            icons.addObject().put("src", "/app/icons/icon-" + size + ".png").put("sizes", size + "x" + size)
                    .put("type", "image/png").put("purpose", "any");
            icons.addObject().put("src", "/app/icons/maskable-" + size + ".png").put("sizes", size + "x" + size)
                    .put("type", "image/png").put("purpose", "maskable");
        }
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache()).body(m);
    }

    /**
     * What the page needs before it can do anything: the MSP's name, and the Firebase web app's
     * settings when web push is configured (all public values: Firebase identifies the app with them,
     * it does not authenticate with them).
     */
    @GetMapping("/app/config.json")
    ResponseEntity<ObjectNode> config() {
        ObjectNode c = json.createObjectNode();
        c.put("mspName", mspName);
        c.put("pollSeconds", POLL_SECONDS);
        if (app.webPushConfigured()) {
            c.putObject("firebase")
                    .put("apiKey", app.firebaseWebApiKey())
                    .put("appId", app.firebaseWebAppId())
                    .put("projectId", app.firebaseProjectId())
                    .put("messagingSenderId", app.firebaseMessagingSenderId())
                    .put("vapidKey", app.firebaseVapidKey());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(c);
    }

    /** Home screens show about 12 characters under the icon. */
    private String shortName() {
        return mspName.length() <= 12 ? mspName : "Verify";
    }
}
