package io.helpdeskverify.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * A redis-server of one test's own, on a free loopback port, that the test can freeze (SIGSTOP: the
 * connection stays open and nothing answers, as with a hung or partitioned server) and thaw again.
 * The fault tests' Redis; everyone else shares the suite's server.
 */
public final class PausableRedis implements AutoCloseable {

    private final int port;
    private final RedisServer server;
    private final long pid;

    public PausableRedis() throws IOException {
        port = freePort();
        // Its pid: the one redis-server child of this JVM that was not there before (other test
        // contexts in the same JVM run their own; its command line need not name the port).
        var before = redisChildren().toList();
        server = new RedisServer(port);
        server.start();
        pid = redisChildren().filter(p -> !before.contains(p)).findFirst()
                .orElseThrow(() -> new AssertionError("no new redis-server process for port " + port));
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        resume();
        server.stop();
    }

    private void signal(String which) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-" + which, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static Stream<Long> redisChildren() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("redis-server")).map(ProcessHandle::pid);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
