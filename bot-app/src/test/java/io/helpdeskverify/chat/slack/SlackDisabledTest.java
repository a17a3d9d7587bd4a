package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET the app runs, and /slack/events says what to set. */
@HelpdeskTest
class SlackDisabledTest {

    @LocalServerPort
    int port;

    @Test
    void theEndpointAnswers503WithWhatToSet() {
        var r = new Api(port).send("POST", "/slack/events", "command=%2Fverify&text=help",
                "application/x-www-form-urlencoded", null, Map.of());
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET");
    }
}
