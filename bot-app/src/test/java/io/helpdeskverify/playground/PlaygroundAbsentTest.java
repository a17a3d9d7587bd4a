package io.helpdeskverify.playground;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Outside the local profile the playground does not exist: the gate refuses every route of it (401
 * without a token, 403 even for the admin token), and nothing behind would answer anyway.
 */
@HelpdeskTest
class PlaygroundAbsentTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"GET /", "GET /playground/state", "GET /playground/assets/playground.js",
            "POST /playground/slack/api/auth.test", "POST /playground/teams/v3/conversations",
            "POST /playground/reset", "POST /playground/slack/command"})
    void everyPlaygroundRouteIsRefused(String route) {
        String[] parts = route.split(" ");
        String body = parts[0].equals("POST") ? "{}" : null;
        var anonymous = new Api(port).send(parts[0], parts[1], body, "application/json", null, Map.of());
        assertThat(anonymous.status()).as(route).isEqualTo(401);
        var admin = new Api(port).send(parts[0], parts[1], body, "application/json", Api.ADMIN_TOKEN, Map.of());
        assertThat(admin.status()).as(route).isEqualTo(403);
    }
}
