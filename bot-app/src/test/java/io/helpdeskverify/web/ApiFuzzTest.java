package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 20, the fuzz run: a few thousand requests with a fixed seed over every route Spring MVC
 * maps (read from its handler mapping, so a new controller is fuzzed without touching this test),
 * mixing valid and invalid credentials, random JSON (wrong types, nulls, nesting, huge strings),
 * wrong content types, malformed escapes in path and query, and 1 MB bodies. Not one answer may be a
 * 5xx or an HTML page. The status histogram is printed so a run can be compared with the last.
 *
 * <p>Its own Spring context and Redis: the valid tokens change data (that is how the requests get
 * past the gate into the controllers), and nothing else should see those changes.
 */
@HelpdeskTest
// Slack on (a signing secret, and a Web API nobody listens on: no fuzzed request is signed, so none
// gets past the signature gate to call it), so that /slack/events is fuzzed rather than "not configured".
@TestPropertySource(properties = {"helpdesk.test.isolated-context=api-fuzz", "helpdesk.slack.bot-token=xoxb-fuzz",
        "helpdesk.slack.signing-secret=fuzz-signing-secret", "helpdesk.slack.api-url=http://127.0.0.1:9/api/"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    private static final long SEED = 20261203L;
    private static final int REQUESTS = 3_000;
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final List<String> FIELDS = List.of("customer", "user", "method", "decision", "code", "name",
            "roles", "customers", "expiresAt", "slug", "emailDomains", "defaultRegion", "policy", "countdownSeconds",
            "codeLength", "allowedMethods", "maxChallengesPerUser", "username", "displayName", "email", "mobile",
            "enabled", "enrolmentToken", "fcmToken", "platform", "notificationsEnabled", "technician", "id",
            "channel", "type", "text", "from", "conversation", "value", "slack", "teams", "userGroups", "grants");
    private static final List<String> BAD_ESCAPES = List.of("%zz", "%", "%2", "\\", "%00", "%C0%AF", "%u0041",
            "%2F", "%252e", ";x=1", "..", "{", "|", "%E9", "é", "%ff%fe", "<script>", "\"", "%0d%0aX-Injected:%20yes");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json; charset=UTF-8", "text/plain", "application/xml", "multipart/form-data",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/csv", "foo",
            "application/json; charset=no-such-charset", "*/*", "application/problem+json", "");
    private static final List<String> ACCEPTS = List.of("", "application/json", "text/html", "*/*",
            "application/xml", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "image/png");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final List<String> credentials = new ArrayList<>();
    final List<String> ids = new ArrayList<>();

    @BeforeAll
    void someOfEverything() {
        var admin = new Api(port);
        var technician = admin.technician("fuzz-tech");
        var revoked = admin.issue("fuzz-revoked", "[\"ADMIN\"]", "[]");
        credentials.addAll(List.of("", "Bearer " + Api.ADMIN_TOKEN, "Bearer " + Api.ADMIN_TOKEN,
                "Bearer " + technician.bearer(), "Bearer " + technician.bearer(),
                "Bearer " + admin.issue("fuzz-auditor", "[\"AUDITOR\"]", "[\"*\"]").bearer(),
                "Bearer demo-alice-device-secret-local-only", "Bearer " + revoked.bearer(), "Bearer not-a-token",
                "Bearer hvt_00000000000000000000.AAAA", "Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer " + "x".repeat(5000)));
        var started = technician.post("/api/v1/verifications", "{\"customer\":\"acme\",\"user\":\"bob\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        ids.addAll(List.of("acme", "alice", "bob", "demo-alice-phone", started.json().get("id").asText(),
                "mobile", "email", "nobody", "x".repeat(3000), "0", "-1", "null", "%20", "ACME"));
    }

    /** A route, and whether it is a browser page (the consent callback) whose errors are HTML on purpose. */
    record Route(String method, String pattern, boolean page) {}

    private List<Route> routes() {
        var out = new ArrayList<Route>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            boolean page = info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_HTML);
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/playground") || pattern.equals("/error") || pattern.startsWith("/v3/")
                        || pattern.startsWith("/swagger")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    out.add(new Route("GET", pattern, page));
                    out.add(new Route("POST", pattern, page));
                } else {
                    methods.forEach(m -> out.add(new Route(m.name(), pattern, page)));
                }
            }
        });
        out.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return out;
    }

    @Test
    void thousandsOfRandomRequestsGetNoServerErrorAndNoHtml() {
        var routes = routes();
        assertThat(routes).as("routes from the handler mapping").hasSizeGreaterThan(30)
                .contains(new Route("POST", "/api/v1/verifications", false), new Route("POST", "/slack/events", false),
                        new Route("POST", "/webhooks/twilio/status", false), new Route("POST", "/api/messages", false));
        var random = new Random(SEED);
        var http = new RawHttp(port);
        var histogram = new TreeMap<Integer, Integer>();
        var failures = new ArrayList<String>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            var route = routes.get(random.nextInt(routes.size()));
            String target = target(route.pattern(), random);
            var headers = new LinkedHashMap<String, String>();
            String credential = pick(credentials, random);
            if (!credential.isEmpty()) {
                headers.put("Authorization", credential);
            }
            String contentType = pick(CONTENT_TYPES, random);
            if (!contentType.isEmpty()) {
                headers.put("Content-Type", contentType);
            }
            String accept = pick(ACCEPTS, random);
            if (!accept.isEmpty()) {
                headers.put("Accept", accept);
            }
            byte[] body = body(route.method(), random);
            var r = http.send(route.method() + " " + target + " HTTP/1.1", headers, body);
            histogram.merge(r.status(), 1, Integer::sum);
            if (r.status() >= 500 || (r.status() >= 400 && r.isHtml() && !route.page())) {
                failures.add("#" + i + " " + route.method() + " " + abbreviate(target) + " [" + abbreviate(credential)
                        + ", " + contentType + ", accept " + accept + ", " + body.length + " bytes: "
                        + abbreviate(new String(body, StandardCharsets.UTF_8)) + "] → " + r.status() + " "
                        + abbreviate(r.body()));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("ApiFuzzTest: %d requests over %d routes in %d ms (seed %d), statuses %s%n", REQUESTS,
                routes.size(), millis, SEED, histogram);
        assertThat(failures).as("5xx or HTML answers (statuses %s)", histogram).isEmpty();
        // The positive control: without answers from inside the controllers this run would prove little.
        assertThat(histogram.entrySet().stream().filter(e -> e.getKey() < 300).mapToInt(Map.Entry::getValue).sum())
                .as("2xx answers").isGreaterThan(REQUESTS / 50);
    }

    private String target(String pattern, Random random) {
        Matcher m = VARIABLE.matcher(pattern.replace("/**", "/" + pick(ids, random)));
        var path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(pick(ids, random)));
        }
        m.appendTail(path);
        String target = path.toString();
        if (random.nextInt(5) == 0) {
            int at = 1 + random.nextInt(target.length() - 1);
            target = target.substring(0, at) + pick(BAD_ESCAPES, random) + target.substring(at);
        }
        if (random.nextInt(3) == 0) {
            target += "?" + pick(List.of("customer", "limit", "from", "to", "type", "user", "%zz", "a", "format"), random)
                    + "=" + pick(List.of("acme", "10", "-5", "99999999999999999999", "2026-13-45", "%", "%zz",
                            "VERIFICATION_STARTED", "", "a%20b", "é", "x".repeat(2000)), random);
        }
        return target.replace(" ", "%20");
    }

    private byte[] body(String method, Random random) {
        int kind = random.nextInt(20);
        if ((method.equals("GET") || method.equals("DELETE")) && kind < 14) {
            return new byte[0];
        }
        String text = switch (kind) {
            case 0 -> "";
            case 1 -> "{\"customer\":\"acme\",\"user\":\"alice\"}";
            case 2 -> "{\"decision\":\"" + pick(List.of("approve", "deny", "APPROVE", ""), random) + "\",\"code\":\"123456\"}";
            case 3 -> "[" + json(random, 2) + "]";
            case 4 -> pick(List.of("null", "true", "42", "\"text\"", "1e999", "-0", "{}", "[]"), random);
            case 5 -> pick(List.of("{\"customer\":", "{\"a\":1}}", "\uFEFF{}", "{'a':1}", "{\"a\":NaN}", "{\"a\":1,}",
                    "[".repeat(5000), "{\"a\":\"\\ud800\"}", "\u0000"), random);
            case 6 -> "{\"" + pick(FIELDS, random) + "\":\"" + "x".repeat(1_048_576) + "\"}";
            case 7 -> "a".repeat(1_048_576);
            case 8 -> "{\"" + pick(FIELDS, random) + "\":\"" + "é".repeat(50_000) + "\"}";
            case 9 -> "name=x&customer=acme&%zz=%&text=" + "y".repeat(random.nextInt(2000));
            case 10 -> "username,mobile\nalice,+1555\n\"broken,\n";
            default -> json(random, 3);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A random JSON object over the routes' real field names, every value of a random type. */
    private String json(Random random, int depth) {
        var b = new StringBuilder("{");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                b.append(',');
            }
            String key = random.nextInt(8) == 0 ? "k" + random.nextInt(100) : pick(FIELDS, random);
            b.append('"').append(key).append("\":").append(value(random, depth));
        }
        return b.append('}').toString();
    }

    private String value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 12 : 9)) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Double.toString(random.nextDouble() * 1e300);
            case 4 -> "\"" + pick(ids, random) + "\"";
            case 5 -> "\"" + pick(List.of("PUSH", "SMS_CODE", "EMAIL_CODE", "approve", "ADMIN", "TECHNICIAN", "*",
                    "+15555550100", "a@b.c", "2026-12-03T10:00:00Z", "ios", "slack", "teams", "", " "), random) + "\"";
            case 6 -> "\"" + "z".repeat(random.nextInt(100_000)) + "\"";
            case 7 -> "\"\\u0000\\n\\t\\\"<b>\u202e\"";
            case 8 -> "99999999999999999999999999999";
            case 9 -> json(random, depth - 1);
            default -> "[" + value(random, depth - 1) + "," + value(random, depth - 1) + "]";
        };
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…(" + s.length() + ")";
    }
}
