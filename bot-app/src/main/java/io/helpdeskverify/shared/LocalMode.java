package io.helpdeskverify.shared;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Whether this run is the local demo, where the playground, demo data, the outbox, an anonymous
 * Teams endpoint and an embedded Redis are allowed. That is the {@code local} profile, or the
 * {@code test} profile when the test suite's own classes are on the classpath: a production jar
 * never contains them, so no setting can turn the demo shortcuts on in production.
 */
public final class LocalMode {

    /** A class of the test suite's support package, absent from every built jar. */
    static final String TEST_HARNESS = "io.helpdeskverify.support.HelpdeskTest";

    private LocalMode() {}

    public static boolean isLocal(Environment env) {
        return env.matchesProfiles("local") || isTestHarness(env);
    }

    /** The local profile itself, not the test harness: what binds to loopback and serves the playground. */
    public static boolean isLocalProfile(Environment env) {
        return env.matchesProfiles("local");
    }

    private static boolean isTestHarness(Environment env) {
        return env.matchesProfiles("test") && ClassUtils.isPresent(TEST_HARNESS, LocalMode.class.getClassLoader());
    }
}
