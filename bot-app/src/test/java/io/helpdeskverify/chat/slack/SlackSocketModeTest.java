package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Socket Mode against a fake Slack WebSocket server on loopback: the socket opens only once the
 * bot is ready (so the first command, sent the instant the socket is up, finds the demo customer),
 * each connection costs one {@code apps.connections.open}, envelopes are acked within Slack's 3 s,
 * and a dropped socket or a {@code refresh_requested} disconnect moves to a new connection. Its
 * context is closed after the class: a cached one kept a Socket Mode client reconnecting to the
 * stopped fake, and its ERROR lines landed in other tests' captured output.
 */
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackSocketModeTest extends SlackTestBase {

    private static final FakeSocketModeServer SOCKET = FakeSocketModeServer.listening();
    private static final String FIRST_RESPONSE_URL = FakeSlack.get().responseUrl();

    @DynamicPropertySource
    static void socketMode(DynamicPropertyRegistry registry) {
        FakeSlack.get().socketModeAt(SOCKET.url());
        SOCKET.onFirstConnection(command("env-first", "verify alice@acme", FIRST_RESPONSE_URL));
        registry.add("helpdesk.slack.app-token", () -> "xapp-1-test-socket-mode");
    }

    @AfterAll
    static void stopSocket() throws InterruptedException {
        SOCKET.stop(1000);
    }

    @Test
    @Order(1)
    void theFirstCommandFindsTheReadyBotAndIsAckedWithinThreeSeconds() {
        await().atMost(Duration.ofSeconds(10)).until(() -> SOCKET.acks.containsKey("env-first"));
        assertThat(SOCKET.ackMillis("env-first")).isLessThan(3_000);
        assertThat(fake.socketModeOpens()).as("apps.connections.open per connection").isEqualTo(1);
        String answer = await().atMost(Duration.ofSeconds(10)).until(() -> fake.responses(FIRST_RESPONSE_URL),
                r -> !r.isEmpty()).get(0);
        assertThat(answer).doesNotContain("No customer").contains("How should");
    }

    @Test
    @Order(2)
    void aDroppedSocketReconnectsThroughANewAddressAndKeepsServing() {
        await().until(() -> SOCKET.connections.size() == 1);
        SOCKET.connections.get(0).closeConnection(1006, "dropped by the test");

        await().atMost(Duration.ofSeconds(30)).until(() -> SOCKET.connections.size() == 2);
        assertThat(fake.socketModeOpens()).isEqualTo(2);
        assertCommandAcked(SOCKET.connections.get(1), "env-after-drop");
    }

    @Test
    @Order(3)
    void aRefreshRequestedDisconnectMovesToANewConnection() {
        await().until(() -> SOCKET.connections.size() == 2);
        SOCKET.connections.get(1).send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\","
                + "\"debug_info\":{\"host\":\"fake-socket-mode\"}}");

        await().atMost(Duration.ofSeconds(30)).until(() -> SOCKET.connections.size() == 3);
        assertCommandAcked(SOCKET.connections.get(2), "env-after-refresh");
    }

    private void assertCommandAcked(WebSocket connection, String envelope) {
        SOCKET.send(connection, command(envelope, "help", fake.responseUrl()));
        await().atMost(Duration.ofSeconds(5)).until(() -> SOCKET.acks.containsKey(envelope));
        assertThat(SOCKET.ackMillis(envelope)).isLessThan(3_000);
    }

    /** A slash_commands envelope as Slack sends it over the socket. */
    static String command(String envelope, String text, String responseUrl) {
        return """
                {"envelope_id":"%s","type":"slash_commands","accepts_response_payload":true,"payload":{
                 "token":"unused-in-socket-mode","team_id":"%s","team_domain":"example","channel_id":"C0SOCKET",
                 "channel_name":"helpdesk","user_id":"UTINA","user_name":"tina","command":"/verify","text":"%s",
                 "api_app_id":"A0HELPDESK","is_enterprise_install":"false","response_url":"%s","trigger_id":"1.2.3"}}"""
                .formatted(envelope, FakeSlack.TEAM, text, responseUrl);
    }

    /** Slack's side of Socket Mode: says hello on every connection and records the bot's acks. */
    static final class FakeSocketModeServer extends WebSocketServer {
        final List<WebSocket> connections = new CopyOnWriteArrayList<>();
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final Map<String, Long> acks = new ConcurrentHashMap<>();
        private final int port;
        private volatile String first = "";

        private FakeSocketModeServer(int port) {
            super(new InetSocketAddress("127.0.0.1", port));
            this.port = port;
            setReuseAddr(true);
        }

        static FakeSocketModeServer listening() {
            try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                var server = new FakeSocketModeServer(probe.getLocalPort());
                probe.close();
                server.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "ws://127.0.0.1:" + port + "/link/";
        }

        void onFirstConnection(String envelope) {
            first = envelope;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.add(conn);
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake-socket-mode\"},"
                    + "\"connection_info\":{\"app_id\":\"A0HELPDESK\"}}");
            if (connections.size() == 1 && !first.isEmpty()) {
                // At once, as Slack does: whatever is queued arrives the moment the socket is up.
                send(conn, first);
            }
        }

        void send(WebSocket conn, String envelope) {
            sentAt.put(envelopeId(envelope), System.nanoTime());
            conn.send(envelope);
        }

        long ackMillis(String envelope) {
            return (acks.get(envelope) - sentAt.get(envelope)) / 1_000_000;
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            String id = envelopeId(message);
            if (!id.isEmpty()) {
                acks.putIfAbsent(id, System.nanoTime());
            }
        }

        private static String envelopeId(String json) {
            int at = json.indexOf("\"envelope_id\":\"");
            if (at < 0) {
                return "";
            }
            int start = at + "\"envelope_id\":\"".length();
            return json.substring(start, json.indexOf('"', start));
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {}
    }
}
