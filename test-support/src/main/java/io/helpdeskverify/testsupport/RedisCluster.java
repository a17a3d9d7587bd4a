package io.helpdeskverify.testsupport;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.stream.IntStream;
import redis.embedded.RedisServer;

/**
 * A real Redis Cluster of {@code masters} masters on free loopback ports: the embedded-redis
 * {@code redis-server} (6.2, as every other test runs) or a given binary, with
 * {@code cluster-enabled yes}, the 16384 slots split evenly by {@code CLUSTER ADDSLOTS}
 * (ADDSLOTSRANGE needs 7.0), joined by {@code CLUSTER MEET}, and ready once every node reports
 * {@code cluster_state:ok}. bot-app's tests and the bench both start it, so they run on the same
 * cluster layout.
 */
public final class RedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;

    private final List<RedisServer> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Path dir;

    /** The tests' cluster: the embedded binary, no persistence. */
    public RedisCluster(int masters) throws IOException {
        this(masters, Optional.empty(), List.of("save \"\"", "appendonly no"));
    }

    /**
     * @param binary   the {@code redis-server} to run; empty: the one shipped in embedded-redis
     * @param settings extra {@code redis.conf} lines for every node (persistence, say); each node
     *                 gets its own data directory
     */
    public RedisCluster(int masters, Optional<Path> binary, List<String> settings) throws IOException {
        dir = Files.createTempDirectory("hv-cluster");
        try {
            for (int i = 0; i < masters; i++) {
                int port = freePort();
                Path data = Files.createDirectories(dir.resolve("node-" + port));
                var builder = RedisServer.newRedisServer().bind("127.0.0.1").port(port);
                binary.ifPresent(b -> builder.executableProvider(b::toFile));
                for (String setting : settings) {
                    builder.setting(setting);
                }
                var server = builder.setting("dir " + data).setting("cluster-enabled yes")
                        .setting("cluster-config-file " + data.resolve("nodes.conf"))
                        .setting("cluster-node-timeout 5000").build();
                server.start();
                servers.add(server);
                ports.add(port);
            }
            form();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,…}: REDIS_CLUSTER_NODES. */
    public String nodes() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    private void form() {
        var client = RedisClient.create();
        try {
            int n = ports.size();
            for (int i = 0; i < n; i++) {
                int from = SLOTS * i / n;
                int to = SLOTS * (i + 1) / n;
                try (var c = client.connect(uri(ports.get(i)))) {
                    // In batches: one command with thousands of arguments is fine, but keep it modest.
                    for (int start = from; start < to; start += 1000) {
                        c.sync().clusterAddSlots(IntStream.range(start, Math.min(to, start + 1000)).toArray());
                    }
                }
            }
            try (var first = client.connect(uri(ports.get(0)))) {
                for (int i = 1; i < n; i++) {
                    first.sync().clusterMeet("127.0.0.1", ports.get(i));
                }
            }
            for (int port : ports) {
                try (var c = client.connect(uri(port))) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> {
                        String info = c.sync().clusterInfo();
                        return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + n);
                    });
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static RedisURI uri(int port) {
        return RedisURI.create("redis://127.0.0.1:" + port);
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (var server : servers) {
            try {
                server.stop();
            } catch (IOException e) {
                failed = e;
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
