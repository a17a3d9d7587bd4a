package io.helpdeskverify.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

/**
 * A real Redis for tests of one store, without booting the application: the embedded-redis
 * {@code redis-server} (6.2, as {@code system.EmbeddedRedisConfiguration} starts it), one per test
 * run, kept in JUnit's root store and stopped when the run ends. Inject a {@link StringRedisTemplate}
 * into the test's constructor or methods with {@code @ExtendWith(RedisConnection.class)}.
 */
public final class RedisConnection implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StringRedisTemplate.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RedisConnection.class))
                .getOrComputeIfAbsent(Server.class, k -> new Server(), Server.class).template;
    }

    private static final class Server implements ExtensionContext.Store.CloseableResource {
        private final RedisServer server;
        private final LettuceConnectionFactory factory;
        private final StringRedisTemplate template;

        Server() {
            int port = freePort();
            try {
                server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                        .setting("appendonly no").build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded redis-server did not start", e);
            }
            factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
            factory.afterPropertiesSet();
            factory.start();
            template = new StringRedisTemplate(factory);
        }

        @Override
        public void close() throws IOException {
            factory.destroy();
            server.stop();
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
}
