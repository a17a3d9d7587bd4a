package io.helpdeskverify.system;

import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.shared.LocalMode;
import io.helpdeskverify.shared.MissingSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import redis.embedded.RedisServer;

/**
 * Without {@code REDIS_URL}, in the local profile (or with {@code HELPDESK_EMBEDDED_REDIS=true}), starts a real {@code redis-server} (6.2, shipped in the embedded-redis
 * jar) on a free loopback port with append-only persistence under the data directory, and stops it
 * with the application. With {@code REDIS_URL}, Spring Boot connects to that server and nothing here runs.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoRedisUrlCondition.class)
class EmbeddedRedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfiguration.class);

    @Bean(destroyMethod = "stop")
    RedisServer embeddedRedis(HelpdeskProperties properties, Environment env) throws IOException {
        if (!LocalMode.isLocal(env) && !env.getProperty("helpdesk.embedded-redis", Boolean.class, false)) {
            // Outside the demo, several instances must share one Redis: a private one per instance splits the state.
            throw new MissingSettingException("REDIS_URL", "the Redis every instance shares, e.g. "
                    + "redis://:password@redis:6379 or rediss://… for TLS. For a single-instance trial, "
                    + "HELPDESK_EMBEDDED_REDIS=true starts an embedded redis-server instead.");
        }
        Path dir = properties.dataDir().resolve("redis").toAbsolutePath();
        Files.createDirectories(dir);
        int port = freePort();
        var server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir)
                .setting("appendonly yes")
                .setting("save \"\"")
                .build();
        server.start();
        if (LocalMode.isLocal(env)) {
            log.info("Redis: embedded redis-server 6.2 on 127.0.0.1:{}, data in {} (set REDIS_URL to use your own)", port, dir);
        } else {
            log.warn("Redis: HELPDESK_EMBEDDED_REDIS=true, so an embedded redis-server runs on 127.0.0.1:{} with data "
                    + "in {}. Several instances cannot share it: set REDIS_URL in production.", port, dir);
        }
        return server;
    }

    @Bean
    RedisConnectionDetails embeddedRedisConnectionDetails(RedisServer embeddedRedis) {
        int port = embeddedRedis.ports().get(0);
        return new RedisConnectionDetails() {
            @Override
            public Standalone getStandalone() {
                return Standalone.of("127.0.0.1", port);
            }
        };
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded Redis", e);
        }
    }
}
