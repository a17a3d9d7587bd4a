package io.helpdeskverify.siem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** One signed POST of one event, with short timeouts; never follows a redirect (the URL was checked, not where it leads). */
class WebhookSender {

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;

    WebhookSender(Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    SendResult send(String url, String secret, String eventId, String body) {
        long t = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "HelpdeskVerify-SIEM/1")
                .header("Idempotency-Key", eventId)
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, t, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new SendResult.Delivered() : new SendResult.Failed("HTTP " + status);
        } catch (IOException e) {
            return new SendResult.Failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed("interrupted");
        }
    }
}
