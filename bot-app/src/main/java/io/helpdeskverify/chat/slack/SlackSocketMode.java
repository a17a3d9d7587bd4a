package io.helpdeskverify.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Socket Mode when SLACK_APP_TOKEN is set: the app opens a WebSocket to Slack, so no public URL is
 * needed. The same {@link App} (handlers, acks) serves both transports.
 */
class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final App app;
    private final SlackProperties props;
    private SocketModeApp socketModeApp;

    SlackSocketMode(App app, SlackProperties props) {
        this.app = app;
        this.props = props;
    }

    @Override
    public void start() {
        if (!props.socketMode()) {
            return;
        }
        try {
            socketModeApp = new SocketModeApp(props.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
            socketModeApp.startAsync();
            log.info("Slack Socket Mode connected");
        } catch (Exception e) {
            // The HTTP endpoint still works; the operator reads why Socket Mode did not.
            log.error("Slack Socket Mode could not connect (check SLACK_APP_TOKEN, an xapp- token with "
                    + "connections:write): {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (socketModeApp != null) {
            try {
                socketModeApp.stop();
            } catch (Exception e) {
                log.warn("Slack Socket Mode did not stop cleanly: {}", e.toString());
            }
            socketModeApp = null;
        }
    }

    @Override
    public boolean isRunning() {
        return socketModeApp != null;
    }
}
