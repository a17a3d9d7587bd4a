package io.helpdeskverify.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.shared.MissingSettingException;
import io.helpdeskverify.shared.UnsafeSettingException;
import io.helpdeskverify.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a deployment gets without the local profile, and what the local profile refuses: the demo
 * shortcuts and the embedded Redis stop start-up with a message naming the variable, the
 * playground will not run beside real services, the local profile listens on loopback only and
 * its Reset answers its own page only. Each case starts the application for real.
 */
class DeploymentDefaultsTest {

    private static final String[] PRODUCTION = {"--helpdesk.secret=deployment-defaults-secret-0123456789abcdef",
            "--helpdesk.admin-api-token=deployment-defaults-token", "--server.port=0",
            // Whatever REDIS_URL the machine has, these runs decide for themselves.
            "--spring.data.redis.url="};

    @Test
    void withoutTheLocalProfileAMissingRedisUrlStopsStartUp() {
        var failure = catchThrowable(() -> start(List.of()));
        assertThat(cause(failure, MissingSettingException.class)).as(String.valueOf(failure)).isNotNull();
        assertThat(cause(failure, MissingSettingException.class).variable()).isEqualTo("REDIS_URL");
        assertThat(failure).hasStackTraceContaining("HELPDESK_EMBEDDED_REDIS=true");
    }

    @Test
    void demoShortcutsAreRefusedOutsideTheLocalProfile() {
        for (var shortcut : Map.of("--helpdesk.outbox.enabled=true", "HELPDESK_OUTBOX_ENABLED",
                "--helpdesk.demo-data.enabled=true", "HELPDESK_DEMO_DATA_ENABLED",
                "--teams.allow-anonymous=true", "TEAMS_ALLOW_ANONYMOUS").entrySet()) {
            var failure = catchThrowable(() -> start(List.of("--helpdesk.embedded-redis=true", shortcut.getKey())));
            var unsafe = cause(failure, UnsafeSettingException.class);
            assertThat(unsafe).as(shortcut.getKey() + ": " + failure).isNotNull();
            assertThat(unsafe.variable()).isEqualTo(shortcut.getValue());
            assertThat(unsafe.getMessage()).contains("only in the local profile");
        }
    }

    @Test
    void anIncompleteOrAmbiguousRedisTopologyStopsStartUpNamingTheSetting() {
        var cases = Map.of(
                List.of("--REDIS_SENTINEL_MASTER=mymaster"), "REDIS_SENTINEL_NODES",
                List.of("--REDIS_SENTINEL_NODES=127.0.0.1:26379"), "REDIS_SENTINEL_MASTER",
                List.of("--REDIS_SENTINEL_MASTER=mymaster", "--REDIS_SENTINEL_NODES=127.0.0.1:26379",
                        "--REDIS_URL=redis://127.0.0.1:6379"), "REDIS_URL",
                List.of("--REDIS_CLUSTER_NODES=127.0.0.1:7000,127.0.0.1:7001", "--REDIS_SENTINEL_MASTER=mymaster",
                        "--REDIS_SENTINEL_NODES=127.0.0.1:26379"), "REDIS_CLUSTER_NODES",
                List.of("--REDIS_CLUSTER_NODES=127.0.0.1:7000", "--REDIS_URL=redis://127.0.0.1:6379"), "REDIS_URL",
                List.of("--REDIS_CLUSTER_NODES=redis-0"), "REDIS_CLUSTER_NODES",
                List.of("--REDIS_URL=redis+cluster://"), "REDIS_URL");
        cases.forEach((settings, variable) -> {
            var failure = catchThrowable(() -> start(settings));
            var unsafe = cause(failure, UnsafeSettingException.class);
            assertThat(unsafe).as(settings + ": " + failure).isNotNull();
            assertThat(unsafe.variable()).isEqualTo(variable);
        });
    }

    @Test
    void clusterSettingsBecomeSpringsClusterNodesWithTopologyRefresh() {
        var nodes = topology(Map.of("REDIS_CLUSTER_NODES", "redis-0:6379, redis-1:6379,redis-2:6379"));
        assertThat(nodes.getProperty("spring.data.redis.cluster.nodes")).isEqualTo("redis-0:6379,redis-1:6379,redis-2:6379");
        assertThat(nodes.getProperty("spring.data.redis.lettuce.cluster.refresh.adaptive")).isEqualTo("true");
        assertThat(nodes.getProperty("spring.data.redis.lettuce.cluster.refresh.period")).isEqualTo("30s");
        assertThat(nodes.getProperty("spring.data.redis.sentinel.master")).isNull();

        var url = topology(Map.of("REDIS_URL", "rediss+cluster://bot:s%40cret@redis-0:6380,redis-1:6380",
                "REDIS_CLUSTER_REFRESH", "10s"));
        assertThat(url.getProperty("spring.data.redis.cluster.nodes")).isEqualTo("redis-0:6380,redis-1:6380");
        assertThat(url.getProperty("spring.data.redis.ssl.enabled")).isEqualTo("true");
        assertThat(url.getProperty("spring.data.redis.username")).isEqualTo("bot");
        assertThat(url.getProperty("spring.data.redis.password")).isEqualTo("s@cret");
        assertThat(url.getProperty("spring.data.redis.lettuce.cluster.refresh.period")).isEqualTo("10s");
        assertThat(url.getProperty("spring.data.redis.url")).as("a cluster URL is no single server's").isNull();
    }

    private static org.springframework.core.env.ConfigurableEnvironment topology(Map<String, Object> settings) {
        var env = new org.springframework.core.env.StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test", settings));
        new RedisTopology().postProcessEnvironment(env, new org.springframework.boot.SpringApplication());
        return env;
    }

    @Test
    void thePlaygroundRefusesToRunBesideRealServices() {
        for (var real : Map.of("--helpdesk.slack.signing-secret=8f742231b10e8888abcd99yyyzzz85a5", "SLACK_SIGNING_SECRET",
                "--teams.app-id=6f1b9a8e-0000-4000-8000-00000000a991", "MICROSOFT_APP_ID",
                "--spring.data.redis.url=redis://127.0.0.1:1", "REDIS_URL").entrySet()) {
            var failure = catchThrowable(() -> startLocal(freePort(), List.of(real.getKey())).close());
            var unsafe = cause(failure, UnsafeSettingException.class);
            assertThat(unsafe).as(real.getKey() + ": " + failure).isNotNull();
            assertThat(unsafe.variable()).isEqualTo(real.getValue());
        }
    }

    @Test
    void theLocalProfileListensOnLoopbackAndItsResetAnswersItsOwnPageOnly() {
        int port = freePort();
        try (var local = startLocal(port, List.of())) {
            var connector = ((TomcatWebServer) ((WebServerApplicationContext) local).getWebServer()).getTomcat()
                    .getConnector();
            assertThat(String.valueOf(connector.getProperty("address"))).contains("127.0.0.1");

            var api = new Api(port);
            assertThat(api.send("GET", "/", null, null, null, Map.of()).status()).isEqualTo(200);
            // The playground's fake connector takes Teams thread ids with ';' in its paths; nothing else does.
            assertThat(api.send("GET", "/api/v1;/customers", null, null, null, Map.of()).status()).isEqualTo(400);
            assertThat(api.send("GET", "/playground;/state", null, null, null, Map.of()).status()).isEqualTo(400);
            assertThat(api.send("GET", "/v3/api-docs", null, null, null, Map.of()).status()).isEqualTo(200);
            assertThat(api.send("GET", "/v3/api-docs.yaml", null, null, null, Map.of()).status()).isEqualTo(200);

            var crossSite = api.send("POST", "/playground/reset", "{}", "application/json", null,
                    Map.of("Origin", "https://evil.example"));
            assertThat(crossSite.status()).isEqualTo(403);
            var noOrigin = api.send("POST", "/playground/reset", "{}", "application/json", null, Map.of());
            assertThat(noOrigin.status()).isEqualTo(403);
            var own = api.send("POST", "/playground/reset", "{}", "application/json", null,
                    Map.of("Origin", "http://127.0.0.1:" + port));
            assertThat(own.status()).as(own.body()).isEqualTo(200);
        }
    }

    @Test
    void aDeploymentServesNoOpenApiAndNoHealthDetailsToAnonymousCallers() {
        try (var app = start(List.of("--helpdesk.embedded-redis=true"))) {
            var api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            var adminToken = "deployment-defaults-token";
            for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/", "/playground/state")) {
                int status = api.send("GET", path, null, null, adminToken, Map.of()).status();
                assertThat(status).as(path).isIn(401, 403, 404);
            }
            // DOWN here (no sender is configured), and still nothing but the status.
            var health = api.send("GET", "/actuator/health", null, null, null, Map.of());
            assertThat(health.status()).isIn(200, 503);
            assertThat(health.json().has("status")).isTrue();
            assertThat(health.body()).doesNotContain("components").doesNotContain("127.0.0.1");
            assertThat(api.send("GET", "/actuator/health/readiness", null, null, null, Map.of()).status()).isEqualTo(200);
            assertThat(api.send("GET", "/actuator/health", null, null, adminToken, Map.of()).body())
                    .contains("components");
        }
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        var all = new ArrayList<>(List.of(PRODUCTION));
        all.add("--helpdesk.data-dir=target/test-data/deployment-" + UUID.randomUUID());
        all.addAll(args);
        return new SpringApplicationBuilder(HelpdeskVerifyApplication.class).run(all.toArray(String[]::new));
    }

    private static ConfigurableApplicationContext startLocal(int port, List<String> args) {
        var all = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=" + port,
                "--helpdesk.data-dir=target/test-data/deployment-local-" + UUID.randomUUID()));
        if (args.stream().noneMatch(a -> a.startsWith("--spring.data.redis.url="))) {
            all.add("--spring.data.redis.url=");
        }
        all.addAll(args);
        return new SpringApplicationBuilder(HelpdeskVerifyApplication.class).run(all.toArray(String[]::new));
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
