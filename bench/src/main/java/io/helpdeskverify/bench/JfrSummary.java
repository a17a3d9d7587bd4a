package io.helpdeskverify.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the bot's CPU went to during the measured window, from the JDK Flight Recorder's execution
 * samples: the hottest top-of-stack methods, and the first frame of our own code on each stack.
 */
final class JfrSummary {

    record Row(String frame, long samples, double share) {}

    /** @param slackSdkShare samples with the Slack SDK on the stack; @param gsonShare with Gson on the stack (%) */
    record Summary(long samples, List<Row> topFrames, List<Row> ourFrames, List<Row> packages, List<Row> libraryFrames,
                   double slackSdkShare, double gsonShare) {}

    private JfrSummary() {}

    static Summary read(Path recording, int rows) throws IOException {
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> library = new HashMap<>();
        long total = 0;
        long slack = 0;
        long gson = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(e.getEventType().getName()) || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            boolean seenSlack = false;
            boolean seenGson = false;
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                seenSlack |= type.startsWith("com.slack.api");
                seenGson |= type.startsWith("com.google.gson");
            }
            slack += seenSlack ? 1 : 0;
            gson += seenGson ? 1 : 0;
            top.merge(name(frames.get(0)), 1L, Long::sum);
            packages.merge(area(frames), 1L, Long::sum);
            library.merge(nearestKnown(frames), 1L, Long::sum);
            for (RecordedFrame f : frames) {
                if (f.getMethod().getType().getName().startsWith("io.helpdeskverify")) {
                    ours.merge(name(f), 1L, Long::sum);
                    break;
                }
            }
        }
        return new Summary(total, rows(top, total, rows), rows(ours, total, rows), rows(packages, total, rows),
                rows(library, total, rows),
                total == 0 ? 0 : 100.0 * slack / total, total == 0 ? 0 : 100.0 * gson / total);
    }

    /* Whose code the sample is in: the known library or our code nearest the top of the stack. */
    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (String p : AREAS) {
                if (type.startsWith(p)) {
                    return p;
                }
            }
        }
        return "other (JDK, okhttp, ...)";
    }

    /* The method of the library or our package nearest the top of the stack. */
    private static String nearestKnown(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (String p : AREAS) {
                if (type.startsWith(p)) {
                    return name(f);
                }
            }
        }
        return name(frames.get(0));
    }

    private static final List<String> AREAS = List.of("com.google.gson", "com.slack.api", "com.fasterxml.jackson",
            "io.lettuce", "io.netty", "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat", "org.springframework",
            "com.google", "com.twilio", "okhttp3", "okio", "io.helpdeskverify");

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + " ("
                + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static List<Row> rows(Map<String, Long> counts, long total, int limit) {
        var out = new ArrayList<Row>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.add(new Row(e.getKey(), e.getValue(), total == 0 ? 0 : 100.0 * e.getValue() / total)));
        return out;
    }
}
