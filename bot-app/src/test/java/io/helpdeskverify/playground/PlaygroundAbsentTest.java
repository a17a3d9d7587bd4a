package io.helpdeskverify.playground;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Outside the local profile the playground does not exist: every route of it is a plain 404. */
@HelpdeskTest
class PlaygroundAbsentTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"GET /", "GET /playground/state", "GET /playground/assets/playground.js",
            "POST /playground/slack/api/auth.test", "POST /playground/teams/v3/conversations",
            "POST /playground/reset", "POST /playground/slack/command"})
    void everyPlaygroundRouteIsNotFound(String route) {
        String[] parts = route.split(" ");
        var r = new Api(port).send(parts[0], parts[1], parts[0].equals("POST") ? "{}" : null, "application/json",
                null, Map.of());
        assertThat(r.status()).as(route).isEqualTo(404);
    }
}
