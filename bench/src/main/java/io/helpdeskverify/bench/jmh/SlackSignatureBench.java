package io.helpdeskverify.bench.jmh;

import com.slack.api.app_backend.SlackSignature;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What Bolt runs on every request before any handler: the v0 HMAC-SHA256 signature check of a slash command. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SlackSignatureBench {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&channel_id=C2147483705"
            + "&channel_name=test&user_id=U2147483697&user_name=Steve&command=%2Fverify&text=jdoe%40acme+--push-code"
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0";

    private SlackSignature.Verifier verifier;
    private String timestamp;
    private String signature;
    private long now;

    @Setup
    public void setUp() {
        now = System.currentTimeMillis();
        timestamp = Long.toString(now / 1000);
        signature = new SlackSignature.Generator(SECRET).generate(timestamp, BODY);
        verifier = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
    }

    @Benchmark
    public boolean verifySlashCommand() {
        return verifier.isValid(timestamp, BODY, signature, now);
    }
}
