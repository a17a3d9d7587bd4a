package io.helpdeskverify.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import redis.embedded.RedisServer;

/**
 * The Redis the bot runs against: {@code redis-server} from PATH when there is one (the version
 * users install), else the binary shipped in the embedded-redis jar, each on a free loopback port
 * with its own empty data directory, so nothing the machine already runs is touched. AOF with
 * fsync every second, as docker-compose runs it.
 */
final class RedisUnderTest implements AutoCloseable {

    final int port;
    final String source;
    private final Process process;
    private final RedisServer embedded;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisUnderTest(int port, String source, Process process, RedisServer embedded) {
        this.port = port;
        this.source = source;
        this.process = process;
        this.embedded = embedded;
        this.client = RedisClient.create("redis://127.0.0.1:" + port);
        this.connection = connectWithRetry(client);
    }

    static RedisUnderTest start(Path workDir) throws IOException {
        int port = freePort();
        Path dir = Files.createDirectories(workDir.resolve("redis"));
        Optional<Path> onPath = findOnPath("redis-server");
        if (onPath.isPresent()) {
            var pb = new ProcessBuilder(onPath.get().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", "everysec",
                    "--protected-mode", "no").redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile());
            return new RedisUnderTest(port, onPath.get().toString(), pb.start(), null);
        }
        var server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("dir " + dir)
                .setting("save \"\"").setting("appendonly yes").setting("appendfsync everysec").build();
        server.start();
        return new RedisUnderTest(port, "redis-server shipped in embedded-redis", null, server);
    }

    RedisCommands<String, String> sync() {
        return connection.sync();
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    long pid() {
        return Long.parseLong(infoField("server", "process_id"));
    }

    String version() {
        return infoField("server", "redis_version");
    }

    long usedMemory() {
        return Long.parseLong(infoField("memory", "used_memory"));
    }

    String infoField(String section, String field) {
        for (String line : sync().info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).strip();
            }
        }
        throw new IllegalStateException("INFO " + section + " has no " + field);
    }

    /** {@code MEMORY USAGE key SAMPLES 0}: exact, every element counted. */
    long memoryUsage(String key) {
        Object v = sync().dispatch(io.lettuce.core.protocol.CommandType.MEMORY,
                new io.lettuce.core.output.IntegerOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
                new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8)
                        .add("USAGE").addKey(key).add("SAMPLES").add(0));
        return v == null ? 0 : (Long) v;
    }

    RedisClient client() {
        return client;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (process != null) {
            process.destroy();
        }
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                System.err.println("could not stop redis: " + e);
            }
        }
    }

    private static StatefulRedisConnection<String, String> connectWithRetry(RedisClient client) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return client.connect();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Optional<Path> findOnPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, binary);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
