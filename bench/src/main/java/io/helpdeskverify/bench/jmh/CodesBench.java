package io.helpdeskverify.bench.jmh;

import io.helpdeskverify.verification.CodeDigest;
import io.helpdeskverify.verification.Codes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The bot's one-time codes: drawing one from SecureRandom, its HMAC-SHA256 digest, and checking a typed code. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodesBench {

    private Codes codes;
    private CodeDigest digest;
    private final Instant expires = Instant.parse("2026-11-24T10:02:11Z");

    @Setup
    public void setUp() {
        codes = new Codes("bench-server-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8), new SecureRandom());
        digest = codes.digest("3f0c9a3e-8d1b-4c55-9f51-0a4b8f7c2d11", "482913", expires);
    }

    @Benchmark
    public String generateCode() {
        return codes.generate(6);
    }

    @Benchmark
    public CodeDigest generateAndDigest() {
        return codes.digest("3f0c9a3e-8d1b-4c55-9f51-0a4b8f7c2d11", codes.generate(6), expires);
    }

    @Benchmark
    public boolean matchTypedCode() {
        return codes.matches("3f0c9a3e-8d1b-4c55-9f51-0a4b8f7c2d11", "482913", digest);
    }
}
