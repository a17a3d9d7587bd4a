package io.helpdeskverify.siem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A receiver that fails the first five attempts and then accepts: every event of the destination's
 * customer arrives, in log order, each accepted once under its own idempotency key, although the
 * delivery is stopped and started again (a restart: everything it needs is in Redis) in the middle.
 * The signature is checked here with the test's own HMAC, not the bot's.
 */
@HelpdeskTest
class WebhookDeliveryTest {

    static final WireMockServer RECEIVER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort());
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        RECEIVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(RECEIVER::stop));
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLog events;
    @Autowired
    WebhookDelivery delivery;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
    }

    @Test
    void aReceiverFailingFiveTimesGetsEveryEventOnceInOrderAcrossARestart() throws Exception {
        String customer = customer();
        String path = "/siem/" + Fixtures.unique("flaky");
        failFiveTimesThenAccept(path);
        var created = admin.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:%d%s\",\"customer\":\"%s\"}"
                .formatted(RECEIVER.port(), path, customer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().at("/webhook/id").asText();
        String secret = created.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_");

        var sent = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            sent.add(append(customer, "first-" + i));
            append(Fixtures.unique("elsewhere"), "not for this destination");
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path).size() >= 3);
            delivery.stop();
            int acceptedAtStop = accepted(path).size();
            assertThat(acceptedAtStop).as("stopped in the middle").isBetween(3, sent.size() - 1);
            for (int i = 0; i < 6; i++) {
                sent.add(append(customer, "second-" + i));
            }
        } finally {
            delivery.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path).size() >= sent.size());

        var accepted = accepted(path);
        assertThat(accepted.stream().map(e -> e.getRequest().getHeader("Idempotency-Key")).toList())
                .as(() -> "each event accepted once, in log order: " + accepted.stream()
                        .map(e -> e.getRequest().getBodyAsString()).toList())
                .containsExactlyElementsOf(sent);
        for (ServeEvent e : accepted) {
            JsonNode body = JSON.readTree(e.getRequest().getBodyAsString());
            assertThat(body.get("id").asText()).isEqualTo(e.getRequest().getHeader("Idempotency-Key"));
            assertThat(body.get("customer").asText()).isEqualTo(customer);
            assertThat(body.get("type").asText()).isEqualTo("CHALLENGE_SENT");
            assertThat(body.get("verificationId").asText()).startsWith("v-");
        }
        var all = served(path);
        assertThat(all).allSatisfy(e -> assertSigned(e, secret));
        assertThat(all.subList(0, 6)).extracting(e -> e.getRequest().getHeader("Idempotency-Key"))
                .as("the first event is retried until accepted").containsOnly(sent.get(0));
        assertThat(all.subList(0, 5)).extracting(e -> e.getResponse().getStatus()).containsOnly(500);

        // The receiver logs its answer before the bot reads it and moves the cursor.
        var status = await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/webhooks/" + id).json(),
                s -> s.at("/delivery/lastEventId").asText().equals(sent.get(sent.size() - 1)));
        assertThat(status.at("/delivery/attempts").asInt()).isZero();
        assertThat(status.has("secret")).isFalse();
        assertThat(admin.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
    }

    @Test
    void aRotatedSecretSignsTheNextEventsAndTheOldOneNone() throws Exception {
        String customer = customer();
        String path = "/siem/" + Fixtures.unique("rotate");
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        var created = admin.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:%d%s\",\"customer\":\"%s\"}"
                .formatted(RECEIVER.port(), path, customer)).json();
        String id = created.at("/webhook/id").asText();
        String first = append(customer, "before");
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(path).size() == 1);
        assertSigned(accepted(path).get(0), created.get("secret").asText());

        var rotated = admin.post("/api/v1/webhooks/" + id + "/secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String secret = rotated.json().get("secret").asText();
        assertThat(secret).isNotEqualTo(created.get("secret").asText());
        String second = append(customer, "after");
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(path).size() == 2);
        var after = accepted(path).get(1);
        assertThat(after.getRequest().getHeader("Idempotency-Key")).isEqualTo(second).isNotEqualTo(first);
        assertSigned(after, secret);
        assertThat(admin.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
    }

    private String customer() {
        String slug = Fixtures.unique("siem");
        var r = admin.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"SIEM Inc\"}".formatted(slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return slug;
    }

    private String append(String customer, String what) {
        return events.append(new AuditEvent("", EventType.CHALLENGE_SENT, Instant.now(), customer, Fixtures.unique("u"),
                "", "", "", "", "", "v-" + what, "", what)).id();
    }

    /** Five 500s, then 200s, each answered after a little while so that a stop can fall between two events. */
    private static void failFiveTimesThenAccept(String path) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= 5; i++) {
            RECEIVER.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
                    .willSetStateTo("failed-" + i).willReturn(aResponse().withStatus(500)));
            state = "failed-" + i;
        }
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withFixedDelay(100)));
    }

    /** Every request to {@code path}, oldest first. */
    private static List<ServeEvent> served(String path) {
        var all = new ArrayList<>(RECEIVER.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path)).toList());
        java.util.Collections.reverse(all);
        return all;
    }

    private static List<ServeEvent> accepted(String path) {
        return served(path).stream().filter(e -> e.getResponse().getStatus() / 100 == 2).toList();
    }

    /** {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, recomputed here and recent. */
    private static void assertSigned(ServeEvent e, String secret) throws Exception {
        String header = e.getRequest().getHeader("X-Helpdesk-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + e.getRequest().getBodyAsString())
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(v1).isEqualTo(expected);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).isLessThan(300);
    }
}
