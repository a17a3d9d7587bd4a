package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.chat.core.StoreAway;
import io.helpdeskverify.shared.store.GuardedRedisTemplate;
import io.helpdeskverify.shared.store.StoreCircuit;
import io.helpdeskverify.verification.Technician;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/**
 * Issue 20, the chat side of "Redis away": a slash command that finds the store gone was answered
 * "something went wrong on our side" (or nothing, where the failure came before the flow). Here a
 * redis-server of the test's own is stopped under the real chat flow and the guarded template the
 * application uses: the technician is told plainly that the store is away and to try again, the
 * first time after the command timeout and the next time at once (the circuit is open).
 */
class ChatStoreOutageTest {

    private final RedisServer server;
    private final LettuceConnectionFactory connections;
    private final ChatWorld world;

    ChatStoreOutageTest() throws IOException {
        int port = freePort();
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        connections.afterPropertiesSet();
        connections.start();
        world = new ChatWorld(new GuardedRedisTemplate(connections, new StoreCircuit(Duration.ofSeconds(30))));
    }

    @AfterEach
    void close() throws IOException {
        world.close();
        connections.destroy();
        if (server.isActive()) {
            server.stop();
        }
    }

    @Test
    void aCommandThatFindsTheStoreGoneIsToldToTryAgainAndTheNextIsToldAtOnce() throws IOException {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");
        Technician tina = world.slackTechnician("U0TINA", "Tina");

        server.stop();
        world.flow.handle(world.slackRequest(tina, "verify jdoe@" + acme + " --sms"));
        long started = System.nanoTime();
        world.flow.handle(world.slackRequest(tina, "verify jdoe@" + acme + " --email"));
        Duration second = Duration.ofNanos(System.nanoTime() - started);

        assertThat(world.slack.posted).as("no card without a store").isEmpty();
        assertThat(world.slack.toldTo(tina.id())).hasSize(2).allSatisfy(m -> {
            NoticeView notice = ChatFlowTest.notice(m);
            assertThat(notice.title()).isEqualTo(StoreAway.TITLE);
            assertThat(notice.tone()).isEqualTo(NoticeView.Tone.ERROR);
            assertThat(notice.lines()).containsExactly(StoreAway.ADVICE);
        });
        assertThat(second).as("answered without waiting for Redis again").isLessThan(Duration.ofMillis(500));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
