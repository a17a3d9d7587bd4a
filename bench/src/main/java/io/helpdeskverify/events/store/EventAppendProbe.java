package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventType;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Event appends through the bot's own {@link RedisEventLog} (its Lua script, its stream layout, a
 * Spring Data Redis template on Lettuce configured as Boot does), next to a raw {@code XADD} loop
 * on the same Redis: unpipelined with one connection per client as {@code redis-benchmark -c 50}
 * does, and pipelined on one connection.
 */
public final class EventAppendProbe {

    public record Rates(double appOpsPerSecond, double rawUnpipelinedPerSecond, double rawPipelinedPerSecond, int clients) {}

    private EventAppendProbe() {}

    public static Rates measure(String host, int port, int clients, Duration each) throws InterruptedException {
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        factory.afterPropertiesSet();
        factory.start();
        var template = new StringRedisTemplate(factory);
        // A throw-away key: the probe measures the hash chains' cost too, not their keys.
        var key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        var chain = new EventChain(new io.helpdeskverify.shared.ServerKeys(key, "bench"));
        var log = new RedisEventLog(template, new EventStreams(Clock.systemUTC(), Duration.ofDays(365), chain));
        double app;
        try {
            app = run(clients, each, i -> log.append(event(i)));
        } finally {
            factory.destroy();
        }
        RedisClient client = RedisClient.create("redis://" + host + ":" + port);
        try {
            var connections = new ArrayList<StatefulRedisConnection<String, String>>();
            for (int i = 0; i < clients; i++) {
                connections.add(client.connect());
            }
            Map<String, String> fields = Map.of("type", "VERIFIED", "customer", "bench-c00", "user", "user0001",
                    "technician", "tech", "method", "PUSH", "outcome", "VERIFIED");
            double raw = run(clients, each, i -> connections.get(i).sync().xadd("bench:raw", fields));
            connections.forEach(StatefulRedisConnection::close);
            double pipelined;
            try (var c = client.connect()) {
                var async = c.async();
                c.setAutoFlushCommands(false);
                long n = 0;
                long end = System.nanoTime() + each.toNanos();
                long start = System.nanoTime();
                while (System.nanoTime() < end) {
                    var batch = new ArrayList<io.lettuce.core.RedisFuture<String>>(1000);
                    for (int i = 0; i < 1000; i++) {
                        batch.add(async.xadd("bench:raw-pipelined", XAddArgs.Builder.maxlen(1_000_000).approximateTrimming(), fields));
                    }
                    c.flushCommands();
                    for (var f : batch) {
                        f.toCompletableFuture().join();
                    }
                    n += batch.size();
                }
                pipelined = n / ((System.nanoTime() - start) / 1e9);
                c.setAutoFlushCommands(true);
                c.sync().del("bench:raw", "bench:raw-pipelined");
            }
            return new Rates(app, raw, pipelined, clients);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private interface Op {
        void run(int client);
    }

    private static double run(int clients, Duration each, Op op) throws InterruptedException {
        var count = new AtomicLong();
        var done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + each.toNanos();
        for (int i = 0; i < clients; i++) {
            int client = i;
            var t = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    op.run(client);
                    n++;
                }
                count.addAndGet(n);
                done.countDown();
            });
            t.setDaemon(true);
            t.start();
        }
        done.await();
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static AuditEvent event(int client) {
        return new AuditEvent("", EventType.VERIFIED, Instant.now(), "bench-probe", "user" + client, "Tech " + client,
                "slack:U" + client, "slack", "C0BENCH", "PUSH_WITH_CODE", "00000000-0000-0000-0000-00000000000" + (client % 10),
                "VERIFIED", "");
    }
}
