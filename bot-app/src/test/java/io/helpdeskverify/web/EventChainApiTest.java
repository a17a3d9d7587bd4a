package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chain's routes and exports (docs/audit.md): who may walk which chain and read which key, and an
 * export checked offline by the very script the documentation shows, as an auditor would run it.
 */
@HelpdeskTest
class EventChainApiTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventLog events;
    @Autowired
    Clock clock;
    @TempDir
    Path dir;

    @Test
    void anAuditorWalksTheirCustomersChainAndOnlyAnAdminReadsItsKey() {
        var admin = new Api(port);
        String customer = customerWithEvents(4);
        String other = Fixtures.unique("chain-other");
        assertThat(admin.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"Other\"}".formatted(other)).status())
                .isEqualTo(201);
        var auditor = admin.issue(Fixtures.unique("chain-auditor"), "[\"AUDITOR\"]", "[\"" + customer + "\"]");

        var verdict = auditor.get("/api/v1/events/verify?customer=" + customer);
        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.json().get("intact").asBoolean()).isTrue();
        assertThat(verdict.json().get("checked").asLong()).isEqualTo(4);
        assertThat(verdict.json().get("chain").asText()).isEqualTo("customer:" + customer);
        assertThat(verdict.json().has("firstBreak")).isFalse();
        assertThat(admin.get("/api/v1/events/verify?customer=" + customer + "&from=2020-01-01T00:00:00Z&to="
                + clock.instant().plusSeconds(60)).json().get("checked").asLong()).isEqualTo(4);
        assertThat(admin.get("/api/v1/events/verify").json().get("intact").asBoolean()).isTrue();

        // Another customer's chain reads as an unknown one's; the global chain spans every customer.
        assertThat(auditor.get("/api/v1/events/verify?customer=" + other).json().get("checked").asLong()).isZero();
        assertThat(auditor.get("/api/v1/events/verify").status()).isEqualTo(400);
        assertThat(auditor.get("/api/v1/events/verify?customer=Bad:Slug").status()).isEqualTo(400);
        assertThat(auditor.get("/api/v1/events/verify?customer=" + customer + "&from=yesterday").status()).isEqualTo(400);
        assertThat(admin.technician(Fixtures.unique("chain-tech")).get("/api/v1/events/verify?customer=" + customer)
                .status()).isEqualTo(403);

        assertThat(auditor.get("/api/v1/events/key?customer=" + customer).status()).isEqualTo(403);
        var key = admin.get("/api/v1/events/key?customer=" + customer);
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.json().get("key").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(admin.get("/api/v1/events/key?customer=" + other).json().get("key").asText())
                .isNotEqualTo(key.json().get("key").asText());
    }

    @Test
    void bothExportsCarryTheLinksAndTheDocumentedScriptChecksThemOffline() throws Exception {
        var admin = new Api(port);
        String customer = customerWithEvents(6);
        String key = admin.get("/api/v1/events/key?customer=" + customer).json().get("key").asText();
        var lines = admin.send("GET", "/api/v1/events?customer=" + customer, null, null, Api.ADMIN_TOKEN,
                Map.of("Accept", "application/x-ndjson"));
        var csv = admin.send("GET", "/api/v1/events?customer=" + customer, null, null, Api.ADMIN_TOKEN,
                Map.of("Accept", "text/csv"));
        assertThat(lines.body().lines()).hasSize(6).allSatisfy(l -> assertThat(l).contains("\"prev\"", "\"hash\""));
        assertThat(csv.body().lines().findFirst().orElseThrow()).endsWith(",prev,hash");

        Assumptions.assumeTrue(python3(), "python3 is not on this machine: the offline script is not run");
        Path script = dir.resolve("check_events.py");
        Files.writeString(script, documentedScript());
        Path jsonl = dir.resolve("events.jsonl");
        Files.writeString(jsonl, lines.body());
        Path table = dir.resolve("events.csv");
        Files.writeString(table, csv.body());

        var ok = run(script, key, jsonl);
        assertThat(ok.output()).as(ok.output()).contains("INTACT: 6 events in 1 chain(s), continuous from the start of the chain");
        assertThat(ok.status()).isZero();
        var okCsv = run(script, key, table);
        assertThat(okCsv.output()).as(okCsv.output()).contains("INTACT: 6 events");
        assertThat(okCsv.status()).isZero();

        // One field changed in the copy: found, at that event.
        List<String> rows = new ArrayList<>(lines.body().lines().toList());
        String edited = rows.get(2).replace("\"user\":\"user", "\"user\":\"mallory");
        assertThat(edited).isNotEqualTo(rows.get(2));
        rows.set(2, edited);
        Files.writeString(jsonl, String.join("\n", rows) + "\n");
        var bad = run(script, key, jsonl);
        assertThat(bad.status()).isEqualTo(1);
        String editedId = JSON.readTree(edited).get("id").asText();
        assertThat(bad.output()).contains(editedId + ": edited");
        // One line left out: the next one's prev names a hash that is not there.
        rows = new ArrayList<>(lines.body().lines().toList());
        String removedAfter = JSON.readTree(rows.get(2)).get("id").asText();
        rows.remove(3);
        Files.writeString(jsonl, String.join("\n", rows) + "\n");
        var gap = run(script, key, jsonl);
        assertThat(gap.status()).isEqualTo(1);
        assertThat(gap.output()).contains(removedAfter + ": its prev is not the hash");
        // The wrong key proves nothing.
        assertThat(run(script, admin.get("/api/v1/events/key").json().get("key").asText(), table).status()).isEqualTo(1);
    }

    /* Events as the bot writes them, with text a CSV cell and a netstring must both keep exactly. */
    private String customerWithEvents(int n) {
        var admin = new Api(port);
        String customer = Fixtures.unique("chain");
        assertThat(admin.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"Chain\"}".formatted(customer)).status())
                .isEqualTo(201);
        for (int i = 0; i < n; i++) {
            events.append(new AuditEvent("", EventType.API_TOKEN_ISSUED, clock.instant(), customer, "user" + i,
                    i % 2 == 0 ? "=Tina, \"the\" tech" : "Zoë 🚀", "slack:U" + i, "slack", "-chan", "", "v-" + i,
                    "", "3:abc, line\nbreak"));
        }
        return customer;
    }

    private String documentedScript() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "audit.md"));
        int start = doc.indexOf("```python\n");
        assertThat(start).as("docs/audit.md shows the script in a python block").isPositive();
        start += "```python\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private record Run(int status, String output) {}

    private Run run(Path script, String key, Path file) throws IOException, InterruptedException {
        var p = new ProcessBuilder("python3", script.toString(), key, file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static boolean python3() {
        try {
            var p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
