package io.helpdeskverify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** CPU time of a process from /proc, and the JDK's jcmd for GC, heap and flight recordings. */
final class Processes {

    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

    private Processes() {}

    /** User + system CPU seconds so far (Linux); NaN elsewhere. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds so far per thread group of a process (Linux): thread names without their trailing
     * number, so "C2 CompilerThread0" and "C2 CompilerThread1" add up. Empty elsewhere.
     */
    static java.util.Map<String, Double> cpuSecondsByThreadGroup(long pid) {
        var out = new java.util.TreeMap<String, Double>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (var threads = Files.list(tasks)) {
            for (Path t : threads.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip().replaceAll("[-#0-9 ]+$", "");
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // The thread ended while we looked.
                }
            }
        } catch (IOException e) {
            return java.util.Map.of();
        }
        return out;
    }

    /** Cores used per thread group since {@code before} was read, over {@code wallSeconds}. */
    static java.util.Map<String, Double> coresByThreadGroupSince(long pid, java.util.Map<String, Double> before,
                                                                 double wallSeconds) {
        var out = new java.util.TreeMap<String, Double>();
        cpuSecondsByThreadGroup(pid).forEach((group, seconds) -> {
            double used = seconds - before.getOrDefault(group, 0.0);
            if (used > 0) {
                out.put(group, used / wallSeconds);
            }
        });
        return out;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Heap in use after a full GC, in KB (G1, the default collector). */
    static long heapAfterFullGcKb(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        var m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String jcmd(long pid, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
