package io.helpdeskverify.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bot as users run it: {@code java [options] -jar bot-app.jar} as a child process with
 * production settings from the environment (no local profile), ready when
 * {@code /actuator/health/readiness} answers 200.
 */
final class BotProcess implements AutoCloseable {

    final int port;
    final Process process;
    final long readyMillis;

    private BotProcess(int port, Process process, long readyMillis) {
        this.port = port;
        this.process = process;
        this.readyMillis = readyMillis;
    }

    /** Starts the jar and waits until it is ready; {@code readyMillis} counts from the process start. */
    static BotProcess start(Path jar, List<String> jvmOptions, Map<String, String> env, Path log) throws IOException {
        int port = RedisUnderTest.freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        var pb = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        long started = System.nanoTime();
        Process p = pb.start();
        long deadline = started + Duration.ofSeconds(120).toNanos();
        while (!ready(port)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the bot exited with " + p.exitValue() + " before it was ready; see " + log);
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("the bot was not ready within 120 s; see " + log);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new BotProcess(port, p, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Spring Boot's CDS recipe: extract the jar ({@code -Djarmode=tools extract}), then one training
     * run that refreshes the context and exits, writing the archive of every class it loaded.
     */
    static Path prepareCds(Path bootJar, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Path extracted = dir.resolve("bot-app");
        deleteTree(extracted);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(new ProcessBuilder(java, "-Djarmode=tools", "-jar", bootJar.toString(), "extract", "--destination",
                extracted.toString()), dir.resolve("cds-extract.log"), Map.of());
        Path jar = extracted.resolve("bot-app.jar");
        var training = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + extracted.resolve("bot-app.jsa"),
                "-Dspring.context.exit=onRefresh", "-jar", jar.toString()).directory(extracted.toFile());
        training.environment().put("SERVER_PORT", Integer.toString(RedisUnderTest.freePort()));
        run(training, dir.resolve("cds-training.log"), env);
        stopLeftovers(env.getOrDefault("HELPDESK_DATA_DIR", ""));
        if (!Files.exists(extracted.resolve("bot-app.jsa"))) {
            throw new IllegalStateException("the CDS training run wrote no archive; see " + dir.resolve("cds-training.log"));
        }
        return jar;
    }

    /*
     * spring.context.exit=onRefresh halts the JVM without shutdown hooks, so an embedded redis-server
     * the training run started outlives it: stop the processes working in that run's data directory.
     */
    private static void stopLeftovers(String dataDir) {
        if (dataDir.isBlank()) {
            return;
        }
        ProcessHandle.allProcesses().forEach(ph -> {
            try {
                Path cwd = Path.of("/proc", Long.toString(ph.pid()), "cwd").toRealPath();
                if (cwd.startsWith(Path.of(dataDir).toRealPath())) {
                    ph.destroy();
                }
            } catch (IOException | RuntimeException e) {
                // not ours, or not Linux
            }
        });
    }

    private static void run(ProcessBuilder pb, Path log, Map<String, String> env) throws IOException, InterruptedException {
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", pb.command()) + " failed; see " + log);
        }
    }

    private static boolean ready(int port) {
        try {
            var c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/actuator/health/readiness").openConnection();
            c.setConnectTimeout(200);
            c.setReadTimeout(1000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
