package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The installable app's shell as a browser and an app store's checker read it: the manifest (named
 * after the MSP, every icon size present and really that size, start_url inside scope), a strict
 * Content-Security-Policy, a page with no inline script or style and nothing from another origin.
 */
@HelpdeskTest
class AppShellTest {

    private static final Pattern ATTRIBUTE_URL = Pattern.compile("\\s(?:src|href)=\"([^\"]*)\"");

    @LocalServerPort
    int port;
    Api api;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void theManifestNamesTheMspAndItsIconsAreThereInEverySize() throws Exception {
        var r = api.as(null).get("/app/manifest.webmanifest");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/manifest+json");
        JsonNode m = r.json();
        assertThat(m.get("name").asText()).isEqualTo("Test MSP Verify");
        assertThat(m.get("short_name").asText()).isEqualTo("Test MSP");
        assertThat(m.get("display").asText()).isEqualTo("standalone");
        assertThat(m.get("scope").asText()).isEqualTo("/app/");
        assertThat(m.get("start_url").asText()).startsWith(m.get("scope").asText());
        var seen = new ArrayList<String>();
        for (JsonNode icon : m.get("icons")) {
            String sizes = icon.get("sizes").asText();
            seen.add(sizes + " " + icon.get("purpose").asText());
            var png = bytes(icon.get("src").asText());
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            int size = Integer.parseInt(sizes.substring(0, sizes.indexOf('x')));
            var header = ByteBuffer.wrap(png.body());
            assertThat(header.getLong(0)).as("PNG signature").isEqualTo(0x89504E470D0A1A0AL);
            assertThat(header.getInt(16)).as("width of %s", icon).isEqualTo(size);
            assertThat(header.getInt(20)).as("height of %s", icon).isEqualTo(size);
        }
        assertThat(seen).contains("192x192 any", "512x512 any", "192x192 maskable", "512x512 maskable");
    }

    @Test
    void thePageHasAStrictPolicyAndNothingInlineOrFromElsewhere() throws Exception {
        var page = text("/app/");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'", "connect-src 'self';").doesNotContain("unsafe", "googleapis", "*");
        String html = page.body();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
        var urls = new ArrayList<String>();
        ATTRIBUTE_URL.matcher(html).results().forEach(x -> urls.add(x.group(1)));
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith("/app/"));
        for (String u : urls) {
            assertThat(bytes(u).statusCode()).as(u).isEqualTo(200);
        }
        for (String file : List.of("/app/app.js", "/app/sw.js", "/app/app.css", "/app/config.json",
                "/app/manifest.webmanifest")) {
            var r = text(file);
            assertThat(r.statusCode()).as(file).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(file).hasValue(csp);
        }
        assertThat(text("/app/sw.js").headers().firstValue("Content-Type").orElse("")).contains("javascript");
        // The Firebase JS SDK comes from the jar (fetched and checksummed at build time), never a CDN.
        for (String sdk : List.of("/app/vendor/firebase-app-compat.js", "/app/vendor/firebase-messaging-compat.js")) {
            var r = text(sdk);
            assertThat(r.statusCode()).as(sdk).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(sdk).contains("javascript");
        }
        assertThat(text("/app/app.js").body()).contains("/app/vendor/firebase-messaging-compat.js")
                .doesNotContain("http://", "https://");
    }

    @Test
    void withoutTheFirebaseSettingsTheAppPollsAndThePolicyNamesNoGoogleHost() throws Exception {
        JsonNode config = api.as(null).get("/app/config.json").json();
        assertThat(config.get("mspName").asText()).isEqualTo("Test MSP");
        assertThat(config.has("firebase")).isFalse();
        assertThat(config.get("pollSeconds").asInt()).isPositive();
        assertThat(AppWebConfiguration.policy(true)).contains(
                "connect-src 'self' https://firebaseinstallations.googleapis.com https://fcmregistrations.googleapis.com;");
    }

    @Test
    void theBareAppPathMovesToTheScopeAndOnlyGetIsOpen() throws Exception {
        var bare = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/app")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/app/");
        var post = api.send("POST", "/app/", "{}", "application/json", null, Map.of());
        assertThat(post.status()).isEqualTo(401);
        assertThat(api.send("HEAD", "/app/", null, null, null, Map.of()).status()).isEqualTo(200);
        assertThat(api.as(null).get("/app/nothing-here.js").status()).isEqualTo(404);
        // The app's own data stays behind the device secret.
        assertThat(api.as(null).get("/api/v1/devices/demo-alice-phone/challenges").status()).isEqualTo(401);
    }

    private HttpResponse<String> text(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
