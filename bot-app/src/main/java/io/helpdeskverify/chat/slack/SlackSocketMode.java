package io.helpdeskverify.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.util.json.GsonFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Socket Mode when SLACK_APP_TOKEN is set: the app opens a WebSocket to Slack, so no public URL is
 * needed. The same {@link App} (handlers, acks) serves both transports.
 *
 * <p>The socket opens only once the application accepts traffic (demo data seeded, Redis
 * answered): Slack hands out commands the moment the socket is up, and a command taken during
 * start-up would be answered wrongly ("No customer …"). The client is built with a placeholder
 * address and asked once for the real one, so each connection costs one {@code apps.connections.open}
 * (Bolt's own SocketModeApp asks twice: in the client's constructor and again when it starts).
 */
class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
    /** Never dialled: {@code connectToNewEndpoint} replaces it with the address Slack issues. */
    private static final String NOT_YET_ISSUED = "wss://wss.slack.invalid/not-yet-issued";

    private final App app;
    private final SlackProperties props;
    private volatile SocketModeClient client;

    SlackSocketMode(App app, SlackProperties props) {
        this.app = app;
        this.props = props;
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && props.socketMode() && client == null) {
            open();
        }
    }

    private synchronized void open() {
        if (client != null) {
            return;
        }
        try {
            app.start();
            var socket = new SocketModeClientJavaWSImpl(app.slack(), props.appToken(), NOT_YET_ISSUED);
            socket.addWebSocketMessageListener(new Dispatch(app, socket));
            socket.connectToNewEndpoint();
            socket.setAutoReconnectEnabled(true);
            client = socket;
            log.info("Slack Socket Mode connected");
        } catch (Exception e) {
            // The HTTP endpoint still works; the operator reads why Socket Mode did not.
            log.error("Slack Socket Mode could not connect (check SLACK_APP_TOKEN, an xapp- token with "
                    + "connections:write): {}", e.toString());
        }
    }

    /** Hands each envelope to Bolt and acknowledges it with Bolt's answer, as the HTTP endpoint does. */
    private static final class Dispatch implements com.slack.api.socket_mode.listener.WebSocketMessageListener {
        private final App app;
        private final SocketModeClient socket;
        private final SocketModeRequestParser parser;
        private final Gson gson;

        Dispatch(App app, SocketModeClient socket) {
            this.app = app;
            this.socket = socket;
            this.parser = new SocketModeRequestParser(app.config());
            this.gson = GsonFactory.createSnakeCase(app.slack().getConfig());
        }

        @Override
        public void handle(String message) {
            SocketModeRequest request = parser.parse(message);
            if (request == null) {
                return; // hello, disconnect and other control messages: the client handles them
            }
            String envelope = request.getEnvelope().getEnvelopeId();
            try {
                Response response = app.run(request.getBoltRequest());
                if (response.getStatusCode() != 200) {
                    log.warn("Slack Socket Mode: Bolt answered {} to an envelope", response.getStatusCode());
                    return;
                }
                if (response.getBody() == null || response.getBody().isEmpty()) {
                    socket.sendSocketModeResponse(new AckResponse(envelope));
                    return;
                }
                Map<String, Object> ack = new LinkedHashMap<>();
                ack.put("envelope_id", envelope);
                ack.put("payload", response.getContentType() != null && response.getContentType().startsWith("application/json")
                        ? gson.fromJson(response.getBody(), JsonElement.class) : Map.of("text", response.getBody()));
                socket.sendSocketModeResponse(gson.toJson(ack));
            } catch (Exception e) {
                log.warn("Slack Socket Mode: an envelope could not be handled: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        // Opened on readiness (onReadiness), not with the other lifecycle beans.
    }

    @Override
    public synchronized void stop() {
        if (client != null) {
            try {
                client.disconnect();
                client.close();
                app.stop();
            } catch (Exception e) {
                log.warn("Slack Socket Mode did not stop cleanly: {}", e.toString());
            }
            client = null;
        }
    }

    @Override
    public boolean isRunning() {
        // Running from the lifecycle's view, so that stop() is called at shutdown when a socket is open.
        return client != null;
    }
}
