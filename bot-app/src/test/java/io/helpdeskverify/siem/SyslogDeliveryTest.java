package io.helpdeskverify.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A syslog destination: a plain TCP server on 127.0.0.1 reads one RFC 5424 line with a CEF message
 * per event, in log order, with the event id in the structured data; line breaks in a field never
 * split an event. Plain TCP is refused for any other host, and bad host or port are field problems.
 */
@HelpdeskTest
class SyslogDeliveryTest {

    /* RFC 5424: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG */
    static final Pattern LINE = Pattern.compile("<(\\d{1,3})>1 (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z) "
            + "(\\S+) helpdesk-verify - ([A-Z_]+) \\[hv@32473 eventId=\"([^\"]+)\" customer=\"([^\"]*)\"] "
            + "CEF:0\\|HelpdeskVerify\\|Helpdesk Verify\\|1\\|([A-Z_]+)\\|([A-Z_]+)\\|(\\d+)\\|(.*)");

    @LocalServerPort
    int port;
    @Autowired
    EventLog events;
    Api admin;
    ServerSocket server;
    final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        admin = new Api(port);
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread reader = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); var in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    return; // closed at the end of the test
                }
            }
        }, "syslog-receiver");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void everyEventArrivesAsOneRfc5424LineWithCefInOrder() {
        String customer = Fixtures.unique("syslog");
        assertThat(admin.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"Syslog Inc\"}".formatted(customer))
                .status()).isEqualTo(201);
        var created = admin.post("/api/v1/webhooks", ("{\"kind\":\"syslog\",\"host\":\"127.0.0.1\",\"port\":%d,"
                + "\"tls\":false,\"customer\":\"%s\"}").formatted(server.getLocalPort(), customer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/webhook/kind").asText()).isEqualTo("syslog");
        assertThat(created.json().at("/webhook/url").asText()).isEqualTo("syslog://127.0.0.1:" + server.getLocalPort());
        String id = created.json().at("/webhook/id").asText();

        var sent = new ArrayList<String>();
        sent.add(append(EventType.VERIFICATION_REQUESTED, customer, ""));
        sent.add(append(EventType.ALERT, customer, "two lines\nof = reason"));
        sent.add(append(EventType.VERIFIED, customer, ""));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.size() >= 3);
            assertThat(lines).hasSize(3);
            var ids = new ArrayList<String>();
            for (String line : lines) {
                var m = LINE.matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                assertThat(m.group(4)).isEqualTo(m.group(7)).isEqualTo(m.group(8));
                assertThat(m.group(6)).isEqualTo(customer);
                assertThat(m.group(10)).contains("externalId=" + m.group(5)).contains("cs1=" + customer);
                ids.add(m.group(5));
            }
            assertThat(ids).containsExactlyElementsOf(sent);
            var alert = LINE.matcher(lines.get(1));
            assertThat(alert.matches()).isTrue();
            assertThat(Integer.parseInt(alert.group(1))).as("log audit, warning").isEqualTo(13 * 8 + 4);
            assertThat(alert.group(9)).isEqualTo("8");
            assertThat(alert.group(10)).contains("reason=two lines\\nof \\= reason");
        } finally {
            assertThat(admin.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        }
    }

    @Test
    void plainTcpOnlyToThisMachineAndBadFieldsAreNamed() {
        var plain = admin.post("/api/v1/webhooks", "{\"kind\":\"syslog\",\"host\":\"siem.example.com\",\"port\":514,"
                + "\"tls\":false}");
        assertThat(plain.status()).isEqualTo(422);
        assertThat(plain.json().get("field").asText()).isEqualTo("tls");
        var noPort = admin.post("/api/v1/webhooks", "{\"kind\":\"syslog\",\"host\":\"siem.example.com\"}");
        assertThat(noPort.json().get("field").asText()).isEqualTo("port");
        var badHost = admin.post("/api/v1/webhooks", "{\"kind\":\"syslog\",\"host\":\"a b\",\"port\":6514}");
        assertThat(badHost.json().get("field").asText()).isEqualTo("host");
        var badKind = admin.post("/api/v1/webhooks", "{\"kind\":\"carrier-pigeon\",\"url\":\"https://x.example\"}");
        assertThat(badKind.status()).isEqualTo(422);
        assertThat(badKind.contentType()).startsWith("application/problem+json");
        assertThat(badKind.json().get("field").asText()).isEqualTo("kind");
        var tls = admin.post("/api/v1/webhooks", "{\"kind\":\"syslog\",\"host\":\"siem.example.com\",\"port\":6514}");
        assertThat(tls.status()).as(tls.body()).isEqualTo(201);
        assertThat(tls.json().at("/webhook/url").asText()).isEqualTo("syslog+tls://siem.example.com:6514");
        assertThat(admin.delete("/api/v1/webhooks/" + tls.json().at("/webhook/id").asText()).status()).isEqualTo(204);
    }

    private String append(EventType type, String customer, String reason) {
        return events.append(new AuditEvent("", type, Instant.now(), customer, Fixtures.unique("u"), "Tech Name", "T1",
                "SLACK", "C1", "SMS_CODE", "v-" + Fixtures.unique("s"), type.name(), reason)).id();
    }
}
