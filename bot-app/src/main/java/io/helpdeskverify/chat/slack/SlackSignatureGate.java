package io.helpdeskverify.chat.slack;

import com.slack.api.app_backend.SlackSignature;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks Slack's request signature on the raw body before Bolt parses anything. Bolt's own
 * {@code RequestVerification} middleware runs only after {@code SlackRequestParser} has turned the
 * body into a typed request, so a forged {@code payload={"type":"block_actions"}} used to reach
 * Gson and throw (an ERROR with a stack trace per request). Here the SDK's own verifier decides on
 * the headers and the bytes alone; a signed request then goes to Bolt with exactly those bytes.
 *
 * <p>Refusals are counted, not logged one by one: a scanner sends thousands, and an operator needs
 * to know only that it happens (one INFO line a minute at most, with the count).
 */
final class SlackSignatureGate {

    /** Far above any Slack payload (views are the largest, tens of kB); stops a client streaming forever. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SlackSignatureGate.class);

    private final SlackSignature.Verifier verifier;
    private final Clock clock;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastLogMillis = new AtomicLong(Long.MIN_VALUE);

    SlackSignatureGate(String signingSecret, Clock clock) {
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        this.clock = clock;
    }

    /** What became of one request: refused (and why, for the 401), too large, or a replayable request for Bolt. */
    sealed interface Verdict {
        record Refused(String reason) implements Verdict {}

        record TooLarge() implements Verdict {}

        record Signed(HttpServletRequest request) implements Verdict {}
    }

    Verdict check(HttpServletRequest request) throws IOException {
        String timestamp = request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        // Headers first: without both, or with a timestamp that is not a number, the body is not even read.
        if (timestamp == null || signature == null || timestamp.isEmpty() || timestamp.length() > 18
                || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return refused("The request has no valid Slack signature headers.");
        }
        byte[] raw = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (raw == null) {
            return new Verdict.TooLarge();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        boolean valid;
        try {
            valid = verifier.isValid(timestamp, body, signature, clock.millis());
        } catch (RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            return refused("The Slack signature is wrong or its timestamp is more than 5 minutes off.");
        }
        return new Verdict.Signed(new ReplayedBody(request, raw, body));
    }

    private Verdict refused(String reason) {
        refusedSinceLog.incrementAndGet();
        long now = clock.millis();
        long last = lastLogMillis.get();
        if ((last == Long.MIN_VALUE || now - last >= LOG_EVERY.toMillis()) && lastLogMillis.compareAndSet(last, now)) {
            long refused = refusedSinceLog.getAndSet(0);
            log.info("Slack: refused {} request(s) on /slack/events without a valid signature (missing, forged or "
                    + "stale) since the last such line; check SLACK_SIGNING_SECRET if Slack itself is refused", refused);
        }
        return new Verdict.Refused(reason);
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The request with its body read once and served again, byte for byte, to Bolt. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] raw;
        private final String body;

        ReplayedBody(HttpServletRequest request, byte[] raw, String body) {
            super(request);
            this.raw = raw;
            this.body = body;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new StringReader(body));
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(raw);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
