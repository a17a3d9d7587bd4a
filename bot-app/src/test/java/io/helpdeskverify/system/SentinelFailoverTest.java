package io.helpdeskverify.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.VerificationService;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisSentinel;
import redis.embedded.RedisServer;

/**
 * Redis Sentinel for real: one master, one replica and three sentinels on loopback, the bot pointed
 * at the sentinels only (REDIS_SENTINEL_MASTER, REDIS_SENTINEL_NODES). Verifications are started
 * all along while the master is killed; the sentinels promote the replica, the bot follows it, and
 * every start that was accepted ends with exactly one outcome, whether it came before or after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentinelFailoverTest {

    private static final String MASTER_NAME = "hv-master";

    private final List<RedisSentinel> sentinels = new ArrayList<>();
    private RedisServer master;
    private RedisServer replica;
    private int masterPort;
    private int replicaPort;
    private ConfigurableApplicationContext app;

    @BeforeAll
    void start() throws IOException {
        masterPort = freePort();
        replicaPort = freePort();
        master = RedisServer.newRedisServer().bind("127.0.0.1").port(masterPort).setting("save \"\"").build();
        master.start();
        replica = RedisServer.newRedisServer().bind("127.0.0.1").port(replicaPort).slaveOf("127.0.0.1", masterPort)
                .setting("save \"\"").build();
        replica.start();
        var nodes = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            var sentinel = RedisSentinel.newRedisSentinel().bind("127.0.0.1").port(port).masterPort(masterPort)
                    .masterName(MASTER_NAME).quorumSize(2).downAfterMilliseconds(1000).failOverTimeout(5000)
                    .parallelSyncs(1).build();
            sentinel.start();
            sentinels.add(sentinel);
            nodes.add("127.0.0.1:" + port);
        }
        awaitReplicaInSync();
        app = new SpringApplicationBuilder(HelpdeskVerifyApplication.class).run("--spring.profiles.active=test",
                "--server.port=0", "--REDIS_SENTINEL_MASTER=" + MASTER_NAME, "--REDIS_SENTINEL_NODES=" + String.join(",", nodes),
                "--helpdesk.test.isolated-context=sentinel");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        stopQuietly(sentinels.toArray(RedisSentinel[]::new));
        stopQuietly(replica, master);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void verificationsStartedBeforeAndAfterAFailoverEachEndWithExactlyOneOutcome() throws Exception {
        var fixtures = new Fixtures(new Api(((WebServerApplicationContext) app).getWebServer().getPort()));
        var users = new ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            users.add(fixtures.userWithMobileAndEmail());
        }
        var service = app.getBean(VerificationService.class);
        var accepted = new ConcurrentLinkedQueue<String>();
        var refused = new AtomicInteger();
        var next = new AtomicInteger();
        var running = new AtomicBoolean(true);
        var load = new Thread(() -> {
            while (running.get() && next.get() < users.size()) {
                String user = users.get(next.getAndIncrement());
                try {
                    var result = service.start(new StartRequest("acme", user, Optional.of(Method.SMS_CODE),
                            new Technician(Platform.API, "sentinel-tech", "Sentinel Tech"), ""));
                    if (result instanceof StartResult.Started started) {
                        accepted.add(started.verification().id());
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (RuntimeException storeAway) {
                    // While no master is elected a start is refused; it must then leave nothing behind.
                    refused.incrementAndGet();
                }
                pause();
            }
        }, "sentinel-load");
        load.start();
        await().until(() -> accepted.size() >= 10);
        awaitReplicaInSync();
        master.stop();
        int atKill = accepted.size();

        // The sentinels promote the replica; starts succeed again through the new master.
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= atKill + 10);
        running.set(false);
        load.join();
        assertThat(currentMasterPort()).isEqualTo(replicaPort);

        var tech = new Technician(Platform.API, "sentinel-tech", "Sentinel Tech");
        for (String id : accepted) {
            // A start cut off by the failover is sent by the unsent-challenge sweep: give it time on a loaded machine.
            await().atMost(Duration.ofSeconds(60)).until(() -> service.find(id).orElseThrow().state() == State.SENT);
            assertThat(service.decide(id, tech, true)).isInstanceOf(ActionResult.Done.class);
        }
        var events = app.getBean(EventLog.class).query(new EventQuery(Optional.of("acme"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 10_000));
        for (String id : accepted) {
            assertThat(service.find(id).orElseThrow().state()).isEqualTo(State.APPROVED);
            var outcomes = events.stream().filter(e -> e.verificationId().equals(id) && !e.outcome().isEmpty()).toList();
            assertThat(outcomes).as("outcome events of " + id).hasSize(1);
        }
        assertThat(accepted.size() + refused.get()).isEqualTo(next.get());
    }

    private int currentMasterPort() {
        var sentinelUri = RedisURI.Builder.sentinel("127.0.0.1", sentinels.get(0).ports().get(0), MASTER_NAME).build();
        var client = RedisClient.create();
        try (var connection = client.connectSentinel(sentinelUri)) {
            return ((java.net.InetSocketAddress) connection.sync().getMasterAddrByName(MASTER_NAME)).getPort();
        } finally {
            client.shutdown();
        }
    }

    /** Redis replicates asynchronously: what the master acknowledged is only safe once the replica has it. */
    private void awaitReplicaInSync() {
        var client = RedisClient.create();
        try (var m = client.connect(RedisURI.create("redis://127.0.0.1:" + masterPort));
             var r = client.connect(RedisURI.create("redis://127.0.0.1:" + replicaPort))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                String info = r.sync().info("replication");
                long masterOffset = offset(m.sync().info("replication"), "master_repl_offset:");
                return info.contains("master_link_status:up") && offset(info, "slave_repl_offset:") >= masterOffset;
            });
        } finally {
            client.shutdown();
        }
    }

    private static long offset(String info, String field) {
        int i = info.indexOf(field);
        if (i < 0) {
            return -1;
        }
        int end = info.indexOf('\r', i);
        return Long.parseLong(info.substring(i + field.length(), end < 0 ? info.length() : end).strip());
    }

    private static void stopQuietly(redis.embedded.Redis... servers) {
        for (var server : servers) {
            try {
                if (server != null && server.isActive()) {
                    server.stop();
                }
            } catch (IOException | RuntimeException e) {
                // Already gone (the killed master): nothing left to stop.
            }
        }
    }

    private static void pause() {
        // Paces the load so the run spans the failover; Awaitility does the synchronising.
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
