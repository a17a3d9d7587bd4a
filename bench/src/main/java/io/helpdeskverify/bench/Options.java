package io.helpdeskverify.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line settings; every default is what docs/performance.md was produced with. */
record Options(Path jar, Path out, List<Integer> levels, int commandsPerLevel, int lanes, int warmupSeconds,
               int seconds, int customers, int usersPerCustomer, int liveVerifications, boolean jmh, boolean quick,
               boolean startup, boolean keep, boolean scaleOut) {

    static Options parse(String[] args) {
        Path root = repositoryRoot();
        Path jar = root.resolve("bot-app/target/bot-app.jar");
        Path out = root.resolve("docs/performance.md");
        List<Integer> levels = List.of(1, 10, 50, 200);
        int commands = 2000;
        int lanes = 96;
        int warmup = 30;
        int seconds = 60;
        int customers = 40;
        int usersPerCustomer = 600;
        int live = 1000;
        boolean jmh = true;
        boolean quick = false;
        boolean startup = true;
        boolean keep = false;
        boolean scaleOut = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--levels" -> {
                    var l = new ArrayList<Integer>();
                    for (String s : args[++i].split(",")) {
                        l.add(Integer.parseInt(s.strip()));
                    }
                    levels = List.copyOf(l);
                }
                case "--commands" -> commands = Integer.parseInt(args[++i]);
                case "--lanes" -> lanes = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--customers" -> customers = Integer.parseInt(args[++i]);
                case "--users-per-customer" -> usersPerCustomer = Integer.parseInt(args[++i]);
                case "--live" -> live = Integer.parseInt(args[++i]);
                case "--no-jmh" -> jmh = false;
                case "--no-startup" -> startup = false;
                case "--keep" -> keep = true;
                case "--no-scale-out" -> scaleOut = false;
                case "--quick" -> {
                    quick = true;
                    commands = 200;
                    seconds = 10;
                    warmup = 3;
                    customers = 10;
                    usersPerCustomer = 300;
                    live = 200;
                }
                case "--help", "-h" -> {
                    System.out.println("""
                            java -jar bench/target/bench.jar [--jar bot-app.jar] [--out docs/performance.md]
                              [--levels 1,10,50,200] [--commands 2000] [--lanes 96] [--warmup 30] [--seconds 60]
                              [--customers 40] [--users-per-customer 600] [--live 1000] [--no-jmh] [--no-startup]
                              [--no-scale-out] [--keep] [--quick]
                            --no-scale-out skips the runs on a 3-master Redis Cluster and on two bot instances.""");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: build it first (./mvnw -Pbench -DskipTests package)");
        }
        return new Options(jar.toAbsolutePath(), out.toAbsolutePath(), levels, commands, lanes, warmup, seconds, customers,
                usersPerCustomer, live, jmh, quick, startup, keep, scaleOut);
    }

    /** The checkout this jar was built in (…/bench/target/bench.jar), else the working directory. */
    private static Path repositoryRoot() {
        try {
            Path self = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = self.getParent().getParent().getParent();
            if (Files.isDirectory(candidate.resolve("bot-app")) && Files.isDirectory(candidate.resolve("docs"))) {
                return candidate;
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
