package io.helpdeskverify.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Outside the local profile and without an app id, Teams is off and says what to set. */
@HelpdeskTest
@TestPropertySource(properties = "teams.allow-anonymous=false")
class TeamsNotConfiguredTest {

    @LocalServerPort
    int port;

    @Test
    void theEndpointAnswers503NamingTheVariables() {
        var activity = new TeamsClient(port, "http://127.0.0.1:9/").messageActivity(TeamsClient.Member.random("X"),
                TeamsClient.Conversation.personal(), "help");

        var r = new Api(port).send("POST", "/api/messages", activity.toString(), "application/json", null, Map.of());

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("MICROSOFT_APP_ID").contains("MICROSOFT_APP_PASSWORD");
    }
}
