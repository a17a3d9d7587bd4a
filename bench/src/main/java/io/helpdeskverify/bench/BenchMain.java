package io.helpdeskverify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.events.store.EventAppendProbe;
import io.helpdeskverify.testsupport.RedisCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command of docs/performance.md: starts a Redis, the fake Slack and providers, the bot
 * from its jar; measures start-up, acks, the path to the provider, full verifications, Redis
 * memory, event appends and the JVM heap; runs JMH on the hot pure code; writes the report.
 */
public final class BenchMain {

    static final String SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
    static final String ADMIN_TOKEN = "bench-admin-token-0123456789";
    /* The alternative docs/operations.md weighs: no C2 compiling, slower code. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        var report = new Report(o, Machine.describe(), ZonedDateTime.now(ZoneOffset.UTC), String.join(" ", args));
        Path work = Files.createTempDirectory("hv-bench");
        System.out.println("Helpdesk Verify benchmark; work directory " + work);
        try (var fakes = new FakeServices(32)) {
            Map<String, String> env = botEnvironment(fakes, work);

            int runs = o.startup() ? 3 : 0;
            step("start-up: plain java -jar, embedded Redis (" + runs + " runs)");
            for (int i = 0; i < runs; i++) {
                report.startupPlain.add(startOnce(o.jar(), List.of(), embeddedRedisEnv(env, work, "plain" + i), work, "plain" + i));
            }
            step("start-up: CDS archive from a training run, embedded Redis (" + runs + " runs)");
            Path cdsJar = BotProcess.prepareCds(o.jar(), work, embeddedRedisEnv(env, work, "training"));
            List<String> archive = List.of("-XX:SharedArchiveFile=" + cdsJar.resolveSibling("bot-app.jsa"), "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off");
            // The start docs/operations.md recommends: the archive, on the JVM's default JIT.
            List<String> cds = archive;
            for (int i = 0; i < runs; i++) {
                report.startupCds.add(startOnce(cdsJar, cds, embeddedRedisEnv(env, work, "cds" + i), work, "cds" + i));
            }

            try (var redis = RedisUnderTest.start(work)) {
                report.redis = redis.version() + " (" + redis.source + ")";
                var loadEnv = new HashMap<>(env);
                loadEnv.put("REDIS_URL", redis.url());
                step("starting the bot for the load run (CDS, Redis " + report.redis + ")");
                Seeder.Pool users;
                try (var bot = BotProcess.start(cdsJar, cds, loadEnv, work.resolve("bot-load.log"))) {
                    report.loadStartMillis = bot.readyMillis;
                    var client = new BotClient(bot.port, ADMIN_TOKEN, SIGNING_SECRET, fakes.baseUrl());
                    users = runLoad(o, report, fakes, redis, bot, client);
                }
                step("full verifications again with C1 only (" + C1_ONLY + "): " + o.lanes() + " technicians for "
                        + o.seconds() + " s after " + 2 * o.warmupSeconds() + " s warm-up");
                var c1Only = new java.util.ArrayList<>(archive);
                c1Only.add(C1_ONLY);
                try (var bot = BotProcess.start(cdsJar, c1Only, loadEnv, work.resolve("bot-c1-only.log"))) {
                    var load = new Load(new BotClient(bot.port, ADMIN_TOKEN, SIGNING_SECRET, fakes.baseUrl()), fakes, users);
                    double cpu0 = Processes.cpuSeconds(bot.pid());
                    var threads0 = Processes.cpuSecondsByThreadGroup(bot.pid());
                    long wall0 = System.nanoTime();
                    // A longer warm-up than the main run's: this bot starts cold, the main one had the earlier phases.
                    report.throughputC1Only = load.fullVerifications(o.lanes(), 2 * o.warmupSeconds(), o.seconds());
                    double wall = (System.nanoTime() - wall0) / 1e9;
                    report.cpuBotC1Only = (Processes.cpuSeconds(bot.pid()) - cpu0) / wall;
                    report.cpuBotThreadsC1Only.putAll(Processes.coresByThreadGroupSince(bot.pid(), threads0, wall));
                    System.out.printf("  %.1f full verifications/s (%d failed)%n",
                            report.throughputC1Only.completed() / report.throughputC1Only.seconds(),
                            report.throughputC1Only.failed());
                }
                if (o.scaleOut()) {
                    step("full verifications on two bot instances on the same Redis, requests alternating between them: "
                            + o.lanes() + " technicians for " + o.seconds() + " s after " + 2 * o.warmupSeconds() + " s warm-up");
                    try (var a = BotProcess.start(cdsJar, cds, instanceEnv(loadEnv, work, "two-a"), work.resolve("bot-two-a.log"));
                         var b = BotProcess.start(cdsJar, cds, instanceEnv(loadEnv, work, "two-b"), work.resolve("bot-two-b.log"))) {
                        var client = new BotClient(List.of(a.port, b.port), ADMIN_TOKEN, SIGNING_SECRET, fakes.baseUrl());
                        report.scaleOut.add(scaleRun("two instances, one Redis", new Load(client, fakes, users), o,
                                List.of(a.pid(), b.pid()), List.of(redis.pid()), Math.max(a.readyMillis, b.readyMillis), 0));
                    }
                }
                step("event appends: the bot's RedisEventLog against raw XADD on the same Redis");
                report.appends = EventAppendProbe.measure("127.0.0.1", redis.port, 50, Duration.ofSeconds(o.quick() ? 2 : 5));
            }
            // After the single Redis is gone, so the cluster's three servers have the CPUs it had.
            if (o.scaleOut()) {
                runOnCluster(o, report, fakes, env, cdsJar, cds, work);
            }
        }
        if (o.jmh()) {
            step("JMH: codes, card rendering, Slack signature");
            report.jmh = jmh(o.quick());
        }
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(o.out().getParent());
        Files.writeString(o.out(), markdown);
        System.out.println("Written to " + o.out());
        if (!o.keep()) {
            BotProcess.deleteTree(work);
        }
        System.exit(0);
    }

    /** @return the seeded users, for the comparison run to go on with */
    private static Seeder.Pool runLoad(Options o, Report report, FakeServices fakes, RedisUnderTest redis, BotProcess bot,
                                       BotClient client) throws Exception {
        step("seeding " + o.customers() + " customers × " + o.usersPerCustomer() + " users with enrolled apps (CSV import + enrolment)");
        long t = System.nanoTime();
        var users = new Seeder.Pool(Seeder.seed(client, "b" + Long.toString(System.currentTimeMillis() % 100_000, 36),
                o.customers(), o.usersPerCustomer(), 8), 3);
        report.seedSeconds = (System.nanoTime() - t) / 1e9;
        var load = new Load(client, fakes, users);

        step("warm-up (discarded): 20 concurrent commands");
        load.ackLevel(20, o.quick() ? 200 : 1000);
        load.fullVerifications(Math.min(o.lanes(), 32), 0, o.quick() ? 3 : 10);

        for (int n : o.levels()) {
            step("ack: " + n + " concurrent /verify commands next to " + n + " concurrent GET /ping");
            var level = load.ackLevel(n, o.commandsPerLevel());
            report.levels.add(level);
            System.out.printf("  ack p50 %.2f p99 %.2f ms; ping p50 %.2f p99 %.2f ms; ratio p99 %.2f; failed acks %d; unfinished %d%n",
                    level.ack().millis(50), level.ack().millis(99), level.ping().millis(50), level.ping().millis(99),
                    level.ack().millis(99) / level.ping().millis(99), level.failedAcks(), level.unfinished());
        }

        for (int lanes : List.of(1, 10)) {
            step("steady pace: " + lanes + " technician(s) running verifications one after another");
            var paced = load.fullVerifications(lanes, 2, o.quick() ? 5 : 15);
            report.paced.add(paced);
            System.out.printf("  /verify → provider p50 %.1f p99 %.1f ms; %.1f verifications/s%n", paced.toProvider().millis(50),
                    paced.toProvider().millis(99), paced.completed() / paced.seconds());
        }

        step("full verifications: " + o.lanes() + " technicians for " + o.seconds() + " s after " + o.warmupSeconds() + " s warm-up");
        double botCpu0 = Processes.cpuSeconds(bot.pid());
        var threads0 = Processes.cpuSecondsByThreadGroup(bot.pid());
        double redisCpu0 = Processes.cpuSeconds(redis.pid());
        double selfCpu0 = Processes.cpuSeconds(ProcessHandle.current().pid());
        long wall0 = System.nanoTime();
        long events0 = events(redis);
        report.loadBeforeThroughput = Machine.loadNow();
        report.throughput = load.fullVerifications(o.lanes(), o.warmupSeconds(), o.seconds());
        report.loadAfterThroughput = Machine.loadNow();
        double wall = (System.nanoTime() - wall0) / 1e9;
        report.cpuBot = (Processes.cpuSeconds(bot.pid()) - botCpu0) / wall;
        report.cpuBotThreads.putAll(Processes.coresByThreadGroupSince(bot.pid(), threads0, wall));
        report.cpuRedis = (Processes.cpuSeconds(redis.pid()) - redisCpu0) / wall;
        report.cpuBench = (Processes.cpuSeconds(ProcessHandle.current().pid()) - selfCpu0) / wall;
        report.eventsPerSecondInLoad = (events(redis) - events0) / wall;
        System.out.printf("  %.1f full verifications/s (%d failed)%n", report.throughput.completed() / (double) o.seconds(),
                report.throughput.failed());

        // The profile has its own window: a flight recording roughly halves this many-threaded load.
        int profileSeconds = Math.max(5, o.seconds() / 3);
        step("the same load for " + profileSeconds + " s with a flight recording (JFR), for the profile");
        Path jfr = Files.createTempFile("hv-bench", ".jfr");
        Processes.jcmd(bot.pid(), "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
        report.throughputProfiled = load.fullVerifications(o.lanes(), 5, profileSeconds);
        Processes.jcmd(bot.pid(), "JFR.stop", "name=bench");
        report.profile = JfrSummary.read(jfr, 12);
        Files.deleteIfExists(jfr);
        System.out.printf("  %.1f full verifications/s while recording%n",
                report.throughputProfiled.completed() / report.throughputProfiled.seconds());

        step("heap after a full GC");
        report.verificationsBeforeHeap = users.used();
        report.heapKb = Processes.heapAfterFullGcKb(bot.pid());
        report.rssKb = Processes.rssKb(bot.pid());

        step("Redis memory: stored events, then " + o.liveVerifications() + " live verifications");
        report.events = events(redis);
        long streamBytes = streamBytes(redis);
        report.eventStreamBytes = streamBytes;
        long used0 = redis.usedMemory();
        long streams0 = streamBytes;
        long window0 = bytesOf(redis, "hv:{chat-budget:*");
        var pushes = load.liveVerifications(o.liveVerifications(), 20);
        report.liveCount = pushes.size();
        report.liveUsedDelta = redis.usedMemory() - used0;
        report.liveStreamDelta = streamBytes(redis) - streams0;
        report.liveWindowDelta = bytesOf(redis, "hv:{chat-budget:*") - window0;
        var sample = pushes.get(pushes.size() / 2);
        report.liveSampleKeys = sampleKeys(redis, sample);
        return users;
    }

    /**
     * One bot on a 3-master Redis Cluster it reaches through REDIS_CLUSTER_NODES alone: the same
     * redis-server binary, persistence and jar as the single-Redis run, its own seeded users (a
     * fresh cluster is empty), then the same full-verification load as the comparison runs.
     */
    private static void runOnCluster(Options o, Report report, FakeServices fakes, Map<String, String> env, Path cdsJar,
                                     List<String> jvm, Path work) throws Exception {
        step("starting a 3-master Redis Cluster on loopback and the bot on it (REDIS_CLUSTER_NODES)");
        try (var cluster = new RedisCluster(3, RedisUnderTest.findOnPath("redis-server"),
                List.of("save \"\"", "appendonly yes", "appendfsync everysec", "protected-mode no"))) {
            var clusterEnv = instanceEnv(env, work, "cluster");
            clusterEnv.remove("REDIS_URL");
            clusterEnv.put("REDIS_CLUSTER_NODES", cluster.nodes());
            try (var bot = BotProcess.start(cdsJar, jvm, clusterEnv, work.resolve("bot-cluster.log"))) {
                var client = new BotClient(bot.port, ADMIN_TOKEN, SIGNING_SECRET, fakes.baseUrl());
                // Half the main run's users: this run is only the full-verification window.
                int customers = Math.max(2, o.customers() / 2);
                step("seeding " + customers + " customers × " + o.usersPerCustomer() + " users on the cluster");
                long t = System.nanoTime();
                var users = new Seeder.Pool(Seeder.seed(client, "k" + Long.toString(System.currentTimeMillis() % 100_000, 36),
                        customers, o.usersPerCustomer(), 8), 3);
                double seedSeconds = (System.nanoTime() - t) / 1e9;
                step("full verifications on the cluster: " + o.lanes() + " technicians for " + o.seconds() + " s after "
                        + 2 * o.warmupSeconds() + " s warm-up");
                report.scaleOut.add(scaleRun("one instance, 3-master Redis Cluster", new Load(client, fakes, users), o,
                        List.of(bot.pid()), redisPids(cluster.ports()), bot.readyMillis, seedSeconds));
            }
        }
    }

    /** The full-verification load on a fresh setup (a longer warm-up: its bots start cold), with every process's CPU. */
    private static Report.ScaleRun scaleRun(String setup, Load load, Options o, List<Long> bots, List<Long> redis,
                                            long readyMillis, double seedSeconds) throws InterruptedException {
        double bots0 = cpuSeconds(bots);
        double redis0 = cpuSeconds(redis);
        double self0 = Processes.cpuSeconds(ProcessHandle.current().pid());
        long wall0 = System.nanoTime();
        String loadBefore = Machine.loadNow();
        var t = load.fullVerifications(o.lanes(), 2 * o.warmupSeconds(), o.seconds());
        double wall = (System.nanoTime() - wall0) / 1e9;
        var run = new Report.ScaleRun(setup, t, bots.size(), redis.size(), (cpuSeconds(bots) - bots0) / wall,
                (cpuSeconds(redis) - redis0) / wall, (Processes.cpuSeconds(ProcessHandle.current().pid()) - self0) / wall,
                readyMillis, seedSeconds, loadBefore, Machine.loadNow());
        System.out.printf("  %.1f full verifications/s (%d failed); CPU bots %.2f, Redis %.2f, bench %.2f%n",
                t.completed() / t.seconds(), t.failed(), run.cpuBots(), run.cpuRedis(), run.cpuBench());
        return run;
    }

    private static double cpuSeconds(List<Long> pids) {
        return pids.stream().mapToDouble(Processes::cpuSeconds).sum();
    }

    private static List<Long> redisPids(List<Integer> ports) {
        var pids = new ArrayList<Long>();
        for (int port : ports) {
            var client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
            try (var c = client.connect()) {
                for (String line : c.sync().info("server").split("\r?\n")) {
                    if (line.startsWith("process_id:")) {
                        pids.add(Long.parseLong(line.substring("process_id:".length()).strip()));
                    }
                }
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
        return pids;
    }

    /** The environment of one more bot process: its own data directory, the rest shared. */
    private static Map<String, String> instanceEnv(Map<String, String> env, Path work, String name) throws Exception {
        var e = new HashMap<>(env);
        e.put("HELPDESK_DATA_DIR", Files.createDirectories(work.resolve("data-" + name)).toString());
        return e;
    }

    private static long streamBytes(RedisUnderTest redis) {
        return bytesOf(redis, "hv:{hv*}:events*");
    }

    /* The audit log is one stream per key shard. */
    private static long events(RedisUnderTest redis) {
        long total = 0;
        for (int shard : io.helpdeskverify.shared.store.KeyShards.all()) {
            total += redis.sync().xlen(io.helpdeskverify.events.store.EventStreams.shardStream(shard));
        }
        return total;
    }

    private static long bytesOf(RedisUnderTest redis, String pattern) {
        long total = 0;
        for (String key : redis.sync().keys(pattern)) {
            total += redis.memoryUsage(key);
        }
        return total;
    }

    /** Every key that names the sample verification or its challenge, with its exact size. */
    private static Map<String, Long> sampleKeys(RedisUnderTest redis, Lane.PushReceived sample) {
        var out = new LinkedHashMap<String, Long>();
        for (String pattern : List.of("*" + sample.verificationId() + "*", "*" + sample.challengeId() + "*")) {
            for (String key : redis.sync().keys(pattern)) {
                out.put(key.replace(sample.verificationId(), "{id}").replace(sample.challengeId(), "{challengeId}"),
                        redis.memoryUsage(key));
            }
        }
        return out;
    }

    private static long startOnce(Path jar, List<String> jvm, Map<String, String> env, Path work, String name)
            throws Exception {
        try (var bot = BotProcess.start(jar, jvm, env, work.resolve("bot-" + name + ".log"))) {
            System.out.println("  ready in " + bot.readyMillis + " ms");
            return bot.readyMillis;
        }
    }

    private static Map<String, String> embeddedRedisEnv(Map<String, String> env, Path work, String name) throws Exception {
        var e = new HashMap<>(env);
        e.remove("REDIS_URL");
        // Outside the local profile the bot refuses to start its own Redis unless told to.
        e.put("HELPDESK_EMBEDDED_REDIS", "true");
        e.put("HELPDESK_DATA_DIR", Files.createDirectories(work.resolve("data-" + name)).toString());
        return e;
    }

    /** Production settings, every provider pointed at the fakes. */
    private static Map<String, String> botEnvironment(FakeServices fakes, Path work) throws Exception {
        var env = new LinkedHashMap<String, String>();
        env.put("HELPDESK_SECRET", "bench-helpdesk-secret-0123456789abcdef0123");
        env.put("ADMIN_API_TOKEN", ADMIN_TOKEN);
        env.put("HELPDESK_DATA_DIR", work.resolve("data").toString());
        env.put("SLACK_BOT_TOKEN", "xoxb-bench-0000000000-0000000000000-benchbenchbenchbenchbench");
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_API_URL", fakes.baseUrl() + "/api/");
        env.put("FIREBASE_CREDENTIALS", serviceAccount(work, fakes.baseUrl() + "/token").toString());
        env.put("FCM_API_URL", fakes.baseUrl());
        env.put("TWILIO_ACCOUNT_SID", FakeServices.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", "bench-twilio-auth-token");
        env.put("TWILIO_FROM", "+15005550006");
        env.put("TWILIO_API_URL", fakes.baseUrl());
        // The fake Slack has no rate limit; the bot's own budget mirrors Slack's 40/min per workspace
        // and would hold back card updates instead of measuring the bot (see docs/performance.md).
        env.put("SLACK_UPDATES_PER_MINUTE", "1000000");
        // A few hundred simulated technicians each start far more than 30 verifications in 10 minutes.
        env.put("HELPDESK_VERIFICATION_MAX_CHALLENGES_PER_TECHNICIAN", "1000000");
        // The same load goes to one customer and far past the service's default 2000 per window.
        env.put("HELPDESK_VERIFICATION_MAX_CHALLENGES_PER_CUSTOMER", "1000000");
        env.put("HELPDESK_VERIFICATION_MAX_CHALLENGES_GLOBAL", "1000000");
        return env;
    }

    /** A service account whose token_uri is the fake's, with a fresh key: the SDK signs its own token request. */
    private static Path serviceAccount(Path work, String tokenUri) throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        var json = new LinkedHashMap<String, String>();
        json.put("type", "service_account");
        json.put("project_id", FakeServices.PROJECT);
        json.put("private_key_id", "bench-key-1");
        json.put("private_key", pem);
        json.put("client_email", "fcm@" + FakeServices.PROJECT + ".iam.gserviceaccount.com");
        json.put("client_id", "1234567890");
        json.put("token_uri", tokenUri);
        Path file = work.resolve("service-account.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(json));
        return file;
    }

    private static List<Report.JmhRow> jmh(boolean quick) throws Exception {
        var options = new OptionsBuilder().include("io\\.helpdeskverify\\.bench\\.jmh\\..*")
                .forks(1).warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1)).threads(1)
                .shouldDoGC(true).build();
        var rows = new ArrayList<Report.JmhRow>();
        for (RunResult r : new Runner(options).run()) {
            var s = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            rows.add(new Report.JmhRow(name.substring(name.lastIndexOf(".jmh.") + 5), s.getScore(), s.getScoreError(),
                    s.getScoreUnit()));
        }
        rows.sort((a, b) -> a.name().compareTo(b.name()));
        return rows;
    }

    private static void step(String what) {
        System.out.println("== " + what + "  [load " + Machine.loadNow() + "]");
    }
}
