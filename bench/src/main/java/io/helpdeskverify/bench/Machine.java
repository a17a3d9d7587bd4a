package io.helpdeskverify.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the machine the figures come from. */
record Machine(int cpus, String cpuModel, String memory, String os, String jdk, String loadAverage) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), procField("/proc/cpuinfo", "model name"),
                procField("/proc/meminfo", "MemTotal"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")",
                read("/proc/loadavg"));
    }

    static String loadNow() {
        return read("/proc/loadavg");
    }

    private static String procField(String file, String name) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(name)) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
