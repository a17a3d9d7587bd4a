package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import io.helpdeskverify.web.security.ProblemReportValve;
import java.util.Arrays;
import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Issue 20: what Tomcat refuses before Spring sees it (a {@code \} or a malformed {@code %} escape
 * in the path, a character the request line may not hold, headers too large) came back as Tomcat's
 * HTML error page with its version. Each is sent raw, asking for HTML and not, and must be a 4xx
 * problem detail with a stable title and wording, no stack trace, no server version.
 */
@HelpdeskTest
class ContainerErrorTest {

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + Api.ADMIN_TOKEN);

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext context;
    RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1\\customers", "/api/v1/customers/acme\\..\\x", "/api/v1/customers/%zz",
            "/api/v1/customers/%", "/api/v1/customers/%2", "/api/v1/%C0%AFcustomers", "/api/v1/customers/%00",
            "/api/v1/cus{tomers}", "/api/v1/customers/a|b", "/api/v1/customers/\"x\"", "/api/v1/customers/<x>",
            "/api/v1/customers#frag", "/api/v1/customers/%u0041"})
    void malformedPathsAreProblemDetailsNotHtml(String target) {
        for (String accept : new String[] {"text/html", "application/json", "*/*"}) {
            var headers = new java.util.HashMap<>(ADMIN);
            headers.put("Accept", accept);
            var r = http.send("GET", target, headers, "");
            assertProblem(r, target + " (Accept: " + accept + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/customers\u0001 HTTP/1.1", "GET /api/v1/cus tomers HTTP/1.1",
            "GET  /api/v1/customers HTTP/1.1", "GET /api/v1/customers HTTP/1.1 extra", "GET api/v1/customers HTTP/1.1",
            "G\u00C9T /api/v1/customers HTTP/1.1"})
    void malformedRequestLinesAreProblemDetailsNotHtml(String requestLine) {
        var r = http.send(requestLine, Map.of("Accept", "text/html"), new byte[0]);
        assertProblem(r, requestLine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"huge header", "bad header name", "broken chunk", "bad charset", "no route", "error path"})
    void otherRefusalsBeforeAnyControllerAreProblemDetailsNotHtml(String kind) {
        var headers = new java.util.HashMap<>(ADMIN);
        headers.put("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        String requestLine = "POST /api/v1/verifications HTTP/1.1";
        byte[] body = "{\"customer\":\"acme\",\"user\":\"nobody\"}".getBytes(StandardCharsets.UTF_8);
        switch (kind) {
            case "huge header" -> headers.put("X-Padding", "a".repeat(20_000));
            case "bad header name" -> headers.put("Bad Header(", "x");
            case "broken chunk" -> {
                headers.put("Content-Type", "application/json");
                headers.put("Transfer-Encoding", "chunked");
                body = "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            }
            case "bad charset" -> headers.put("Content-Type", "application/json; charset=no-such-charset");
            case "no route" -> requestLine = "GET /api/v1/no-such-route HTTP/1.1";
            case "error path" -> requestLine = "GET /error HTTP/1.1";
            default -> throw new IllegalArgumentException(kind);
        }
        assertProblem(http.send(requestLine, headers, body), kind);
    }

    @Test
    void theHostHasOneErrorReportValveAndItIsOurs() {
        var host = ((TomcatWebServer) context.getWebServer()).getTomcat().getHost();
        assertThat(Arrays.stream(host.getPipeline().getValves()).filter(v -> v instanceof ErrorReportValve)
                .map(v -> v.getClass().getName())).containsExactly(ProblemReportValve.class.getName());
    }

    private static void assertProblem(RawHttp.Response r, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isBetween(400, 499);
        assertThat(r.isHtml()).as(what + ": " + r.body()).isFalse();
        assertThat(r.contentType()).as(what + ": " + r.body()).startsWith("application/problem+json");
        assertThat(r.body()).as(what).contains("\"status\":" + r.status()).contains("\"title\":")
                .contains("\"detail\":").doesNotContain("Tomcat").doesNotContain("Exception").doesNotContain("at org.");
    }
}
