package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served OpenAPI document says what the API really answers: a sample of real calls, at least
 * one per controller (success, bad body, no token, wrong role, unknown, conflict where there is
 * one), each answered with the status the sample expects, and that status is among the responses
 * the document lists for the operation (found by its path template and method).
 */
@HelpdeskTest
class DocumentedStatusesTest {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    private final List<String> seen = new ArrayList<>();
    private final List<String> wrong = new ArrayList<>();
    private JsonNode paths;

    @Test
    void aSampleOfRealCallsAnswersOnlyDocumentedStatuses() {
        var admin = new Api(port);
        var doc = admin.get("/v3/api-docs");
        assertThat(doc.status()).as(doc.body()).isEqualTo(200);
        paths = doc.json().path("paths");
        var technician = admin.technician(Fixtures.unique("Doc tech"));
        var auditor = admin.issue(Fixtures.unique("Doc auditor"), "[\"AUDITOR\"]", "[\"*\"]");
        String slug = Fixtures.unique("doc").toLowerCase(Locale.ROOT);
        String user = Fixtures.unique("u");

        // Tokens
        String tokenName = Fixtures.unique("Doc token");
        var issued = call(admin, "POST", "/api/v1/tokens", "/api/v1/tokens",
                "{\"name\":\"" + tokenName + "\",\"roles\":[\"AUDITOR\"],\"customers\":[\"*\"]}", 201);
        call(admin, "POST", "/api/v1/tokens", "/api/v1/tokens",
                "{\"name\":\"" + tokenName + "\",\"roles\":[\"AUDITOR\"],\"customers\":[\"*\"]}", 409);
        call(admin, "POST", "/api/v1/tokens", "/api/v1/tokens", "{\"name\":\"x\",\"roles\":[\"BOSS\"]}", 422);
        call(admin, "POST", "/api/v1/tokens", "/api/v1/tokens", "{\"name\":", 400);
        call(admin.as(null), "GET", "/api/v1/tokens", "/api/v1/tokens", null, 401);
        call(technician, "GET", "/api/v1/tokens", "/api/v1/tokens", null, 403);
        call(admin, "GET", "/api/v1/tokens/{id}", "/api/v1/tokens/nope", null, 404);
        String tokenId = issued.json().path("tokenInfo").path("id").asText();
        call(admin, "GET", "/api/v1/tokens/{id}", "/api/v1/tokens/" + tokenId, null, 200);
        call(admin, "DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/" + tokenId, null, 204);

        // SIEM webhooks, and what their receivers get (a 3.1 top-level webhook)
        assertThat(doc.json().at("/webhooks/siemEvent/post/parameters").toString()).contains("X-Helpdesk-Signature")
                .contains("Idempotency-Key");
        var hook = call(admin, "POST", "/api/v1/webhooks", "/api/v1/webhooks",
                "{\"url\":\"https://siem.example.invalid/in\"}", 201);
        call(admin, "POST", "/api/v1/webhooks", "/api/v1/webhooks", "{\"url\":\"ftp://siem.example.invalid/\"}", 422);
        call(admin, "POST", "/api/v1/webhooks", "/api/v1/webhooks", "{\"url\":", 400);
        call(admin.as(null), "GET", "/api/v1/webhooks", "/api/v1/webhooks", null, 401);
        call(technician, "GET", "/api/v1/webhooks", "/api/v1/webhooks", null, 403);
        call(admin, "GET", "/api/v1/webhooks", "/api/v1/webhooks", null, 200);
        call(admin, "GET", "/api/v1/webhooks/{id}", "/api/v1/webhooks/nope", null, 404);
        String hookId = hook.json().path("webhook").path("id").asText();
        call(admin, "GET", "/api/v1/webhooks/{id}", "/api/v1/webhooks/" + hookId, null, 200);
        call(admin, "POST", "/api/v1/webhooks/{id}/secret", "/api/v1/webhooks/" + hookId + "/secret", null, 200);
        call(admin, "POST", "/api/v1/webhooks/{id}/secret", "/api/v1/webhooks/nope/secret", null, 404);
        call(admin, "DELETE", "/api/v1/webhooks/{id}", "/api/v1/webhooks/" + hookId, null, 204);
        call(admin, "DELETE", "/api/v1/webhooks/{id}", "/api/v1/webhooks/" + hookId, null, 404);

        // Customers and their access policy
        String customer = "{\"slug\":\"" + slug + "\",\"name\":\"Doc\",\"emailDomains\":[\"" + slug + ".example\"]}";
        call(admin, "POST", "/api/v1/customers", "/api/v1/customers", customer, 201);
        call(admin, "POST", "/api/v1/customers", "/api/v1/customers", customer, 409);
        call(admin, "GET", "/api/v1/customers", "/api/v1/customers", null, 200);
        call(admin, "GET", "/api/v1/customers/{slug}", "/api/v1/customers/no-such-customer", null, 404);
        call(admin, "PATCH", "/api/v1/customers/{slug}", "/api/v1/customers/" + slug, "{\"slug\":\"other\"}", 422);
        call(admin, "PATCH", "/api/v1/customers/{slug}", "/api/v1/customers/" + slug, "{\"name\":\"Doc 2\"}", 200);
        call(admin, "GET", "/api/v1/customers", "/api/v1;x=1/customers", null, 400);
        call(admin, "GET", "/api/v1/customers/{slug}/access", "/api/v1/customers/" + slug + "/access", null, 200);
        call(admin, "PUT", "/api/v1/customers/{slug}/access", "/api/v1/customers/" + slug + "/access",
                "{\"slack\":[{\"workspace\":\"T1\",\"user\":[\"U1\"]}]}", 422);
        call(admin, "PUT", "/api/v1/customers/{slug}/access", "/api/v1/customers/no-such-customer/access", "{}", 404);

        // End users
        String endUser = "{\"username\":\"" + user + "\",\"displayName\":\"Doc User\",\"email\":\"" + user
                + "@acme.example\"}";
        call(admin, "POST", "/api/v1/customers/{slug}/end-users", "/api/v1/customers/acme/end-users", endUser, 201);
        call(admin, "POST", "/api/v1/customers/{slug}/end-users", "/api/v1/customers/acme/end-users", endUser, 409);
        call(admin, "GET", "/api/v1/customers/{slug}/end-users", "/api/v1/customers/acme/end-users?size=0", null, 400);
        call(admin, "GET", "/api/v1/customers/{slug}/end-users", "/api/v1/customers/acme/end-users", null, 200);
        call(admin, "GET", "/api/v1/customers/{slug}/end-users/{username}", "/api/v1/customers/acme/end-users/nobody",
                null, 404);
        call(admin, "PATCH", "/api/v1/customers/{slug}/end-users/{username}", "/api/v1/customers/acme/end-users/" + user,
                "{\"displayName\":\"Doc User 2\"}", 200);
        call(admin, "DELETE", "/api/v1/customers/{slug}/end-users/{username}/overrides/{field}",
                "/api/v1/customers/acme/end-users/" + user + "/overrides/shoeSize", null, 400);
        call(admin, "DELETE", "/api/v1/customers/{slug}/end-users/{username}/overrides",
                "/api/v1/customers/acme/end-users/" + user + "/overrides", null, 200);
        send(admin, "POST", "/api/v1/customers/{slug}/end-users/import", "/api/v1/customers/acme/end-users/import",
                "username,display_name,email,mobile\n" + Fixtures.unique("csv") + ",Csv User,,\n", "text/csv", 200);
        send(admin, "POST", "/api/v1/customers/{slug}/end-users/import", "/api/v1/customers/acme/end-users/import",
                "not,a,header\n", "text/csv", 400);
        var enrolment = call(admin, "POST", "/api/v1/customers/{slug}/end-users/{username}/enrolments",
                "/api/v1/customers/acme/end-users/" + user + "/enrolments", null, 201);

        // The mobile app
        call(admin.as(null), "POST", "/api/v1/devices", "/api/v1/devices",
                "{\"enrolmentToken\":\"no-such-token\",\"platform\":\"android\"}", 401);
        call(admin.as(null), "POST", "/api/v1/devices", "/api/v1/devices", "{\"platform\":\"android\"}", 422);
        var enrolled = call(admin.as(null), "POST", "/api/v1/devices", "/api/v1/devices", "{\"enrolmentToken\":\""
                + enrolment.json().path("enrolmentToken").asText() + "\",\"fcmToken\":\"fcm-doc\",\"platform\":\"android\"}", 201);
        String deviceId = enrolled.json().path("deviceId").asText();
        var device = admin.as(enrolled.json().path("deviceSecret").asText());
        call(device, "PATCH", "/api/v1/devices/{id}", "/api/v1/devices/" + deviceId, "{\"notificationsEnabled\":true}", 200);
        call(admin.as(null), "PATCH", "/api/v1/devices/{id}", "/api/v1/devices/" + deviceId, "{}", 401);
        call(admin, "PATCH", "/api/v1/devices/{id}", "/api/v1/devices/" + deviceId, "{}", 403);
        call(device, "GET", "/api/v1/devices/{id}/challenges", "/api/v1/devices/" + deviceId + "/challenges", null, 200);
        call(device, "POST", "/api/v1/challenges/{challengeId}/response", "/api/v1/challenges/nope/response",
                "{\"decision\":\"approve\"}", 404);

        // Devices, for the admin
        String devices = "/api/v1/customers/acme/end-users/" + user + "/devices";
        call(admin, "GET", "/api/v1/customers/{slug}/end-users/{username}/devices", devices, null, 200);
        call(admin, "DELETE", "/api/v1/customers/{slug}/end-users/{username}/devices/{id}", devices + "/nope", null, 404);
        call(admin, "DELETE", "/api/v1/customers/{slug}/end-users/{username}/devices", devices, null, 200);

        // Microsoft 365 directory
        call(admin, "POST", "/api/v1/customers/{slug}/directory/sync", "/api/v1/customers/" + slug + "/directory/sync",
                null, 409);
        call(admin, "GET", "/api/v1/customers/{slug}/directory/sync", "/api/v1/customers/" + slug + "/directory/sync",
                null, 404);
        call(admin, "GET", "/api/v1/customers/{slug}/directory/consent-url",
                "/api/v1/customers/" + slug + "/directory/consent-url", null, 422);
        call(admin.as(null), "GET", "/directory/consent/callback", "/directory/consent/callback", null, 400);

        // The directory agent's push, with an AGENT token of the customer
        var agent = admin.issue(Fixtures.unique("Doc agent"), "[\"AGENT\"]", "[\"" + slug + "\"]");
        String agentPath = "/api/v1/customers/{slug}/directory/agent/changes";
        call(agent, "POST", agentPath, "/api/v1/customers/" + slug + "/directory/agent/changes",
                "{\"batchId\":\"doc-1\",\"full\":false,\"users\":[]}", 200);
        call(agent, "POST", agentPath, "/api/v1/customers/" + slug + "/directory/agent/changes",
                "{\"batchId\":\"doc-2\",\"full\":true,\"snapshotId\":\"s\",\"page\":3,\"users\":[]}", 409);
        call(agent, "POST", agentPath, "/api/v1/customers/" + slug + "/directory/agent/changes",
                "{\"full\":false,\"users\":[]}", 422);
        call(agent, "POST", agentPath, "/api/v1/customers/acme/directory/agent/changes",
                "{\"batchId\":\"doc-3\",\"full\":false,\"users\":[]}", 403);
        call(admin, "POST", agentPath, "/api/v1/customers/no-such-customer/directory/agent/changes",
                "{\"batchId\":\"doc-4\",\"full\":false,\"users\":[]}", 404);
        call(agent, "GET", "/api/v1/customers/{slug}/end-users", "/api/v1/customers/" + slug + "/end-users", null, 403);

        // Verifications
        String start = "{\"customer\":\"acme\",\"user\":\"" + user + "\",\"method\":\"EMAIL_CODE\"}";
        var started = call(technician, "POST", "/api/v1/verifications", "/api/v1/verifications", start, 201);
        call(technician, "POST", "/api/v1/verifications", "/api/v1/verifications",
                "{\"customer\":\"acme\",\"user\":\"nobody\"}", 404);
        call(technician, "POST", "/api/v1/verifications", "/api/v1/verifications",
                "{\"customer\":\"acme\",\"user\":\"" + user + "\",\"technician\":{\"name\":\"Else\"}}", 422);
        call(auditor, "POST", "/api/v1/verifications", "/api/v1/verifications", start, 403);
        String id = started.json().path("id").asText();
        call(auditor, "GET", "/api/v1/verifications/{id}", "/api/v1/verifications/" + id, null, 200);
        call(technician, "GET", "/api/v1/verifications/{id}", "/api/v1/verifications/nope", null, 404);
        call(technician, "POST", "/api/v1/verifications/{id}/decision", "/api/v1/verifications/" + id + "/decision",
                "{\"decision\":\"maybe\"}", 422);
        call(technician, "POST", "/api/v1/verifications/{id}/cancel", "/api/v1/verifications/" + id + "/cancel", null, 200);
        call(technician, "POST", "/api/v1/verifications/{id}/cancel", "/api/v1/verifications/" + id + "/cancel", null, 409);
        call(technician, "POST", "/api/v1/verifications/{id}/decision", "/api/v1/verifications/" + id + "/decision",
                "{\"decision\":\"approve\"}", 409);

        // Events, the outbox, /ping
        call(auditor, "GET", "/api/v1/events", "/api/v1/events?customer=acme&limit=5", null, 200);
        call(auditor, "GET", "/api/v1/events", "/api/v1/events?limit=0", null, 400);
        call(technician, "GET", "/api/v1/events", "/api/v1/events", null, 403);
        call(auditor, "GET", "/api/v1/events/verify", "/api/v1/events/verify?customer=acme", null, 200);
        call(auditor, "GET", "/api/v1/events/verify", "/api/v1/events/verify?customer=Not:a:slug", null, 400);
        call(technician, "GET", "/api/v1/events/verify", "/api/v1/events/verify?customer=acme", null, 403);
        call(admin, "GET", "/api/v1/events/key", "/api/v1/events/key?customer=acme", null, 200);
        call(auditor, "GET", "/api/v1/events/key", "/api/v1/events/key?customer=acme", null, 403);
        call(admin, "GET", "/api/v1/dev/outbox", "/api/v1/dev/outbox?limit=1", null, 200);
        call(admin.as(null), "GET", "/ping", "/ping", null, 204);

        // The webhooks, as this test profile has them (Slack off, Teams anonymous, Twilio unconfigured)
        call(admin.as(null), "POST", "/slack/events", "/slack/events", "{}", 503);
        call(admin.as(null), "POST", "/api/messages", "/api/messages", "{}", 400);
        send(admin.as(null), "POST", "/webhooks/twilio/status", "/webhooks/twilio/status",
                "MessageSid=SM1&MessageStatus=delivered", "application/x-www-form-urlencoded", 403);

        seen.forEach(System.out::println);
        assertThat(wrong).as("calls whose status is not the expected one or not documented").isEmpty();
    }

    /**
     * The roles each operation's {@code apiToken} requirement lists are the roles the gate lets
     * through: a token of any other role is a 403, a token of a listed one (or ADMIN, which includes
     * the other two) gets past the gate; a device secret's operations refuse every API token. Path
     * parameters are unknown ids and there is no body, so nothing is changed.
     */
    @Test
    void theDocumentedRolesAreTheOnesTheGateLetsThrough() {
        var admin = new Api(port);
        paths = admin.get("/v3/api-docs").json().path("paths");
        Map<String, Api> tokens = Map.of("ADMIN", admin,
                "TECHNICIAN", admin.technician(Fixtures.unique("Roles tech")),
                "AUDITOR", admin.issue(Fixtures.unique("Roles auditor"), "[\"AUDITOR\"]", "[\"*\"]"));
        int checked = 0;
        for (var path = paths.fields(); path.hasNext(); ) {
            var p = path.next();
            for (var operation = p.getValue().fields(); operation.hasNext(); ) {
                var o = operation.next();
                var documented = new java.util.HashSet<String>();
                boolean bearer = false;
                for (JsonNode requirement : o.getValue().path("security")) {
                    requirement.path(OpenApiConfiguration.API_TOKEN).forEach(role -> documented.add(role.asText()));
                    bearer |= requirement.size() > 0;
                }
                if (!bearer) {
                    continue;
                }
                if (!documented.isEmpty()) {
                    documented.add("ADMIN"); // ADMIN includes TECHNICIAN and AUDITOR (tokens.Role)
                }
                String method = o.getKey().toUpperCase(Locale.ROOT);
                String concrete = p.getKey().replaceAll("\\{[^}]+}", "no-such-id");
                for (var token : tokens.entrySet()) {
                    int status = token.getValue().send(method, concrete, null, null, token.getValue().bearer(), Map.of())
                            .status();
                    String line = "%s %s as %s -> %d (documented roles %s)".formatted(method, p.getKey(), token.getKey(),
                            status, documented);
                    seen.add(line);
                    boolean allowed = documented.contains(token.getKey());
                    if (allowed ? status == 401 || status == 403 : status != 403) {
                        wrong.add(line);
                    }
                    checked++;
                }
            }
        }
        seen.forEach(System.out::println);
        assertThat(checked).as("operations checked x roles").isGreaterThan(90);
        assertThat(wrong).as("calls where the gate and the documented roles disagree").isEmpty();
    }

    private Api.Response call(Api as, String method, String template, String path, String body, int expected) {
        return send(as, method, template, path, body, JSON, expected);
    }

    private Api.Response send(Api as, String method, String template, String path, String body, String contentType,
                              int expected) {
        var r = as.send(method, path, body, contentType, as.bearer(), Map.of());
        var documented = new ArrayList<String>();
        paths.path(template).path(method.toLowerCase(Locale.ROOT)).path("responses").fieldNames()
                .forEachRemaining(documented::add);
        String line = "%s %s -> %d (documented %s)".formatted(method, path, r.status(), documented);
        seen.add(line);
        if (r.status() != expected) {
            wrong.add(line + ", expected " + expected + ": " + r.body());
        } else if (!documented.contains(Integer.toString(r.status()))) {
            wrong.add(line + ": not documented for " + method + " " + template);
        }
        return r;
    }
}
