package io.helpdeskverify.psa;

import io.helpdeskverify.psa.PsaException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP path of both adapters (neither PSA has an official Java SDK): retries on 429
 * (honouring {@code Retry-After}), 5xx and no answer, with a doubling back-off, then a
 * {@link PsaException} that says what happened. Logs name the method and path, never a header:
 * the credentials travel in headers.
 */
public final class PsaHttp {

    private static final Logger log = LoggerFactory.getLogger(PsaHttp.class);
    private static final int SNIPPET = 200;

    private final HttpClient client;
    private final PsaProperties.Http settings;
    private final String label;
    private final Runnable onCall;

    /** @param onCall counts every request that went out, retries included */
    public PsaHttp(PsaProperties.Http settings, String label, Runnable onCall) {
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.settings = settings;
        this.label = label;
        this.onCall = onCall;
    }

    public record Response(int status, String body) {}

    /**
     * Sends and returns a 2xx answer; 404 comes back too (the caller knows what was not found).
     *
     * @param request built afresh for every try
     */
    public Response send(Supplier<HttpRequest.Builder> request, String what) {
        Duration wait = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            var built = request.get().timeout(settings.timeout()).build();
            Optional<Duration> retryAfter = Optional.empty();
            String failure;
            try {
                onCall.run();
                var r = client.send(built, HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s / 100 == 2 || s == 404) {
                    return new Response(s, r.body());
                }
                if (s == 401 || s == 403) {
                    throw new PsaException(Kind.CREDENTIALS, label + " refused the credentials for " + what + " (HTTP "
                            + s + "). Check the keys and that the API " + (s == 403 ? "member/user has the permission "
                            + "for this (docs/psa.md)" : "member/user is active") + ".");
                }
                if (s != 429 && s / 100 != 5) {
                    throw new PsaException(Kind.REJECTED, label + " refused " + what + " (HTTP " + s + "): "
                            + snippet(r.body()));
                }
                retryAfter = r.headers().firstValue("Retry-After").flatMap(PsaHttp::seconds);
                failure = "HTTP " + s;
            } catch (IOException e) {
                failure = "no answer (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PsaException(Kind.UNAVAILABLE, label + " call interrupted");
            }
            Duration next = retryAfter.orElse(wait);
            if (attempt >= settings.attempts() || next.compareTo(settings.maxWait()) > 0) {
                log.info("{} {} {}: {} after {} attempt(s)", label, built.method(), built.uri().getPath(), failure, attempt);
                throw new PsaException(Kind.UNAVAILABLE, label + " is unavailable for " + what + " (" + failure
                        + (retryAfter.map(d -> ", asks to wait " + d.toSeconds() + " s").orElse("")) + "). Try again "
                        + "in a moment.");
            }
            log.info("{} {} {}: {}, retry {} in {} ms", label, built.method(), built.uri().getPath(), failure,
                    attempt + 1, next.toMillis());
            pause(next);
            wait = wait.multipliedBy(2);
        }
    }

    public static URI uri(String base, String path) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(b + (path.startsWith("/") ? path : "/" + path));
    }

    /* A back-off inside a call: the caller is a worker thread, never a request thread waiting on a lock. */
    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PsaException(Kind.UNAVAILABLE, "PSA call interrupted");
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String snippet(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return b.length() <= SNIPPET ? b : b.substring(0, SNIPPET) + "…";
    }
}
