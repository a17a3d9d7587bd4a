package io.helpdeskverify.web;

import io.helpdeskverify.events.store.EventStreams;
import io.helpdeskverify.shared.store.KeyShards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every admin, auditor and mobile route, spelled every way a path can be spelled twice (matrix
 * parameters, percent-encoding of any character, double and trailing slashes, dot segments, case
 * changes) and called with every wrong credential (none, unknown, revoked, another role) and with
 * HEAD, OPTIONS and unknown methods: never a 2xx, never a change to Redis. Requests go out as raw
 * HTTP over a socket so that no client normalises the path before the server sees it.
 *
 * <p>Its own Spring context (and so its own Redis), so that nothing but these requests could
 * change the data it compares.
 */
@HelpdeskTest
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "helpdesk.test.isolated-context=path-mutations")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathMutationTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    Api admin;
    String verificationId;
    String tokenId;
    /** A credential of each wrong kind, by name, for the routes it must not open. */
    final Map<String, String> credentials = new TreeMap<>();
    String deviceSecret;
    String auditorToken;
    String technicianToken;
    String agentToken;

    @BeforeAll
    void someOfEverything() {
        admin = new Api(port);
        var tech = admin.issue("mutation-tech", "[\"TECHNICIAN\"]", "[\"*\"]");
        technicianToken = tech.bearer();
        auditorToken = admin.issue("mutation-auditor", "[\"AUDITOR\"]", "[\"*\"]").bearer();
        agentToken = admin.issue("mutation-agent", "[\"AGENT\"]", "[\"acme\"]").bearer();
        var revoked = admin.issue("mutation-revoked", "[\"ADMIN\"]", "[]");
        for (var t : admin.get("/api/v1/tokens").json()) {
            if (t.get("name").asText().equals("mutation-revoked")) {
                tokenId = t.get("id").asText();
            }
        }
        assertThat(admin.delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);
        var started = tech.post("/api/v1/verifications", "{\"customer\":\"acme\",\"user\":\"bob\",\"method\":\"SMS_CODE\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        verificationId = started.json().get("id").asText();
        // Ended before the mutations run, so that no expiry or delivery changes Redis meanwhile.
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/v1/verifications/" + verificationId).json()
                .get("state").asText(), "SENT"::equals);
        assertThat(tech.post("/api/v1/verifications/" + verificationId + "/cancel", null).status()).isEqualTo(200);
        deviceSecret = "demo-alice-device-secret-local-only";
        credentials.put("none", "");
        credentials.put("unknown", "Bearer not-a-token");
        credentials.put("unknown api token", "Bearer hvt_00000000000000000000.AAAA");
        credentials.put("revoked", "Bearer " + revoked.bearer());
        credentials.put("malformed", "Basic YWRtaW46YWRtaW4=");
        credentials.put("unknown page session", "Bearer hvp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }

    /** Route, and the roles (of ADMIN, TECHNICIAN, AUDITOR, AGENT, DEVICE) that may call it. */
    private List<Route> routes() {
        String v = verificationId;
        return List.of(
                new Route("GET", "/api/v1/customers", "ADMIN"),
                new Route("POST", "/api/v1/customers", "ADMIN"),
                new Route("GET", "/api/v1/customers/acme", "ADMIN"),
                new Route("PATCH", "/api/v1/customers/acme", "ADMIN"),
                new Route("GET", "/api/v1/customers/acme/end-users", "ADMIN"),
                new Route("POST", "/api/v1/customers/acme/end-users", "ADMIN"),
                new Route("GET", "/api/v1/customers/acme/end-users/alice", "ADMIN"),
                new Route("PATCH", "/api/v1/customers/acme/end-users/alice", "ADMIN"),
                new Route("DELETE", "/api/v1/customers/acme/end-users/alice/overrides", "ADMIN"),
                new Route("DELETE", "/api/v1/customers/acme/end-users/alice/overrides/mobile", "ADMIN"),
                new Route("POST", "/api/v1/customers/acme/end-users/import", "ADMIN"),
                new Route("POST", "/api/v1/customers/acme/end-users/alice/enrolments", "ADMIN"),
                new Route("GET", "/api/v1/customers/acme/end-users/alice/devices", "ADMIN"),
                new Route("DELETE", "/api/v1/customers/acme/end-users/alice/devices", "ADMIN"),
                new Route("DELETE", "/api/v1/customers/acme/end-users/alice/devices/demo-alice-phone", "ADMIN"),
                new Route("GET", "/api/v1/customers/acme/access", "ADMIN"),
                new Route("PUT", "/api/v1/customers/acme/access", "ADMIN"),
                new Route("GET", "/api/v1/customers/acme/directory/consent-url", "ADMIN"),
                new Route("GET", "/api/v1/customers/acme/directory/sync", "ADMIN"),
                new Route("POST", "/api/v1/customers/acme/directory/sync", "ADMIN"),
                new Route("GET", "/api/v1/customers/acme/directory/ldap", "ADMIN"),
                new Route("PUT", "/api/v1/customers/acme/directory/ldap", "ADMIN"),
                new Route("DELETE", "/api/v1/customers/acme/directory/ldap", "ADMIN"),
                new Route("POST", "/api/v1/customers/acme/directory/ldap/test", "ADMIN"),
                new Route("POST", "/api/v1/customers/acme/directory/agent/changes", "ADMIN", "AGENT"),
                new Route("GET", "/api/v1/psa/connectwise/status", "ADMIN"),
                new Route("GET", "/api/v1/psa/autotask/customers/acme/company-suggestions", "ADMIN"),
                new Route("POST", "/api/v1/psa/connectwise/tickets/12345/verifications", "ADMIN", "TECHNICIAN"),
                new Route("POST", "/api/v1/psa/autotask/pod/codes", "ADMIN", "TECHNICIAN"),
                new Route("GET", "/api/v1/psa/pod/ticket", "PSA_POD"),
                new Route("POST", "/api/v1/psa/pod/verifications", "PSA_POD"),
                new Route("GET", "/api/v1/psa/pod/verifications/" + v, "PSA_POD"),
                new Route("POST", "/api/v1/psa/pod/verifications/" + v + "/decision", "PSA_POD"),
                new Route("POST", "/api/v1/psa/pod/verifications/" + v + "/cancel", "PSA_POD"),
                new Route("GET", "/api/v1/tokens", "ADMIN"),
                new Route("POST", "/api/v1/tokens", "ADMIN"),
                new Route("GET", "/api/v1/tokens/" + tokenId, "ADMIN"),
                new Route("DELETE", "/api/v1/tokens/" + tokenId, "ADMIN"),
                new Route("GET", "/api/v1/webhooks", "ADMIN"),
                new Route("POST", "/api/v1/webhooks", "ADMIN"),
                // No destination exists: one would deliver the refusals' events and change Redis meanwhile.
                new Route("GET", "/api/v1/webhooks/wh_0000000000000000", "ADMIN"),
                new Route("DELETE", "/api/v1/webhooks/wh_0000000000000000", "ADMIN"),
                new Route("POST", "/api/v1/webhooks/wh_0000000000000000/secret", "ADMIN"),
                new Route("GET", "/api/v1/dev/outbox", "ADMIN"),
                new Route("POST", "/api/v1/verifications", "ADMIN", "TECHNICIAN"),
                new Route("GET", "/api/v1/verifications/" + v, "ADMIN", "TECHNICIAN", "AUDITOR"),
                new Route("POST", "/api/v1/verifications/" + v + "/decision", "ADMIN", "TECHNICIAN"),
                new Route("POST", "/api/v1/verifications/" + v + "/cancel", "ADMIN", "TECHNICIAN"),
                new Route("GET", "/api/v1/events", "ADMIN", "AUDITOR"),
                new Route("GET", "/api/v1/events/verify", "ADMIN", "AUDITOR"),
                new Route("GET", "/api/v1/events/key", "ADMIN"),
                new Route("GET", "/actuator/prometheus", "ADMIN", "AUDITOR"),
                new Route("GET", "/actuator/info", "ADMIN", "AUDITOR"),
                new Route("PATCH", "/api/v1/devices/demo-alice-phone", "DEVICE"),
                new Route("GET", "/api/v1/devices/demo-alice-phone/challenges", "DEVICE"),
                new Route("POST", "/api/v1/challenges/some-challenge/response", "DEVICE"),
                new Route("GET", "/api/v1/challenges/some-challenge", "DEVICE"),
                new Route("POST", "/api/v1/devices", "ANYONE with an enrolment token"),
                // An end user's one-time link: the token in the path is the credential; an unknown one opens nothing.
                new Route("GET", "/u/AAAAAAAAAAAAAAAAAAAAAAAA", "ANYONE with a link token"),
                new Route("POST", "/u/AAAAAAAAAAAAAAAAAAAAAAAA", "ANYONE with a link token"),
                // PSAs are not configured in this context: no member hash or code can be confirmed here.
                new Route("POST", "/api/v1/psa/connectwise/pod/sessions", "ANYONE whom ConnectWise confirms"),
                new Route("POST", "/api/v1/psa/autotask/pod/sessions", "ANYONE with a one-time code"));
    }

    record Route(String method, String path, Set<String> roles) {
        Route(String method, String path, String... roles) {
            this(method, path, Set.of(roles));
        }
    }

    @Test
    void theHarnessReachesEveryRouteWithTheRightCredential() {
        // The positive control: without it, "never a 2xx" below could pass against a dead server.
        assertThat(raw("GET", "/api/v1/customers", "Bearer " + Api.ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(raw("GET", "/api/v1/events?customer=acme", "Bearer " + auditorToken).status()).isEqualTo(200);
        assertThat(raw("GET", "/api/v1/verifications/" + verificationId, "Bearer " + technicianToken).status())
                .isEqualTo(200);
        assertThat(raw("GET", "/api/v1/devices/demo-alice-phone/challenges", "Bearer " + deviceSecret).status())
                .isEqualTo(200);
        assertThat(raw("GET", "/actuator/prometheus", "Bearer " + auditorToken).status()).isEqualTo(200);
    }

    @Test
    void noWrongCredentialOpensAnyRouteHoweverItIsSpelled() {
        var before = snapshot();
        var eventsBefore = eventIds();
        var opened = new ArrayList<String>();
        int sent = 0;
        for (Route route : routes()) {
            var wrong = new TreeMap<>(credentials);
            if (!route.roles().contains("DEVICE")) {
                wrong.put("device secret", "Bearer " + deviceSecret);
            }
            if (!route.roles().contains("AUDITOR")) {
                wrong.put("auditor token", "Bearer " + auditorToken);
            }
            if (!route.roles().contains("TECHNICIAN")) {
                wrong.put("technician token", "Bearer " + technicianToken);
            }
            if (!route.roles().contains("AGENT")) {
                wrong.put("agent token", "Bearer " + agentToken);
            }
            if (route.roles().contains("DEVICE") || route.roles().contains("PSA_POD")) {
                wrong.put("admin token", "Bearer " + Api.ADMIN_TOKEN);
            }
            for (String path : spellings(route.path())) {
                for (String method : methods(route.method())) {
                    for (var credential : wrong.entrySet()) {
                        var r = raw(method, path, credential.getValue());
                        sent++;
                        if (r.status() >= 200 && r.status() < 300) {
                            opened.add(method + " " + path + " with " + credential.getKey() + " → " + r.status());
                        }
                    }
                }
            }
        }
        assertThat(opened).as("routes opened by a wrong credential").isEmpty();
        assertThat(sent).isGreaterThan(5_000);
        assertThat(snapshot()).as("Redis after %d refused requests", sent).isEqualTo(before);
        assertThat(newEventTypes(eventsBefore)).as("what the refusals wrote").containsOnly("UNAUTHORIZED_ACTION");
    }

    @Test
    void pathsThatCouldBeReadTwoWaysAreRefusedEvenWithTheRightToken() {
        var before = snapshot();
        String bearer = "Bearer " + Api.ADMIN_TOKEN;
        for (String path : List.of("/api/v1;/customers", "/api;v=1/v1/customers", "/api/v1/customers;x=1",
                "/%61pi/v1/customers", "/api/v1/%63ustomers", "/api%2Fv1/customers", "/api/v1//customers",
                "//api/v1/customers", "/api/v1/x/../customers", "/api/v1/./customers", "/api/v1/%2e%2e/v1/customers",
                "/api/v1/customers/%25")) {
            var r = raw("GET", path, bearer);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.body()).as(path).doesNotContain("\"slug\"");
        }
        // An encoded ';' is data, not a parameter: it reaches no route.
        assertThat(raw("GET", "/api/v1/customers%3B", bearer).status()).isEqualTo(403);
        assertThat(raw("GET", "/api/v1/customers/acme%3Bx=1", bearer).status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theRefusalsSayWhatIsMissingAsProblemDetails() {
        var none = raw("GET", "/api/v1/customers", "");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.body()).contains("Authorization: Bearer");
        var revoked = raw("GET", "/api/v1/customers", credentials.get("revoked"));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.body()).contains("unknown, revoked or expired");
        var auditor = raw("GET", "/api/v1/customers", "Bearer " + auditorToken);
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.contentType()).startsWith("application/problem+json");
    }

    /** The path as sent, and the ways to send it that a lax server would route to the same handler. */
    static Set<String> spellings(String path) {
        var out = new LinkedHashSet<String>();
        out.add(path);
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            out.add(replaceSegment(segments, i, segments[i] + ";x=1"));
            out.add(replaceSegment(segments, i, segments[i].toUpperCase(Locale.ROOT)));
            out.add(replaceSegment(segments, i, segments[i] + "/"));
            out.add(replaceSegment(segments, i, "/" + segments[i]));
            out.add(replaceSegment(segments, i, "x/../" + segments[i]));
            out.add(replaceSegment(segments, i, "./" + segments[i]));
            out.add(replaceSegment(segments, i, "%2e%2e/" + segments[i]));
        }
        out.add(path + "/");
        out.add(path + ";");
        out.add(path.replaceFirst("/", "//"));
        out.add(path.replace("/", "%2F").replaceFirst("%2F", "/"));
        // Percent-encoding of any one character, upper- and lower-case hex.
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            String hex = HexFormat.of().toHexDigits((byte) c);
            out.add(path.substring(0, i) + "%" + hex.toUpperCase(Locale.ROOT) + path.substring(i + 1));
            if (!hex.equals(hex.toUpperCase(Locale.ROOT))) {
                out.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
            }
        }
        return out;
    }

    private static String replaceSegment(String[] segments, int index, String replacement) {
        var b = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            b.append('/').append(i == index ? replacement : segments[i]);
        }
        return b.toString();
    }

    private static List<String> methods(String method) {
        return List.of(method, "HEAD", "OPTIONS", "FOO");
    }

    /**
     * Every key with its serialised value: equal snapshots mean nothing was written. The event log
     * is left out: a refused call by a valid token is recorded there, and checked apart.
     */
    private Map<String, String> snapshot() {
        var out = new TreeMap<String, String>();
        redis.execute((RedisCallback<Void>) c -> {
            try (var keys = c.keyCommands().scan(ScanOptions.scanOptions().count(1000).build())) {
                keys.forEachRemaining(k -> {
                    String name = new String(k, StandardCharsets.UTF_8);
                    if (KeyShards.all().stream().anyMatch(s -> name.startsWith(EventStreams.shardStream(s)))) {
                        return;
                    }
                    byte[] dump = c.keyCommands().dump(k);
                    out.put(new String(k, StandardCharsets.UTF_8), dump == null ? "" : HexFormat.of().formatHex(dump));
                });
            }
            return null;
        });
        return out;
    }

    private Set<String> eventIds() {
        var out = new LinkedHashSet<String>();
        admin.get("/api/v1/events?limit=10000").json().forEach(e -> out.add(e.get("id").asText()));
        return out;
    }

    private Set<String> newEventTypes(Set<String> before) {
        var out = new LinkedHashSet<String>();
        admin.get("/api/v1/events?limit=10000").json().forEach(e -> {
            if (!before.contains(e.get("id").asText())) {
                out.add(e.get("type").asText());
            }
        });
        return out;
    }

    record Raw(int status, String contentType, String body) {}

    /** One HTTP/1.1 request written by hand: the path reaches the server byte for byte. */
    private Raw raw(String method, String path, String authorization) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String body = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? "" : "{}";
            var request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            if (!authorization.isEmpty()) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (!body.isEmpty()) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length()).append("\r\n");
            }
            request.append("\r\n").append(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int headerEnd = response.indexOf("\r\n\r\n");
            String headers = headerEnd < 0 ? response : response.substring(0, headerEnd);
            String contentType = headers.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            return new Raw(status, contentType, headerEnd < 0 ? "" : response.substring(headerEnd + 4));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e.getMessage(), e);
        }
    }
}
