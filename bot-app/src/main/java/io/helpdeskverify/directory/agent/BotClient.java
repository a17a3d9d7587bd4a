package io.helpdeskverify.directory.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.directory.AgentBatch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes batches to the bot over HTTPS with the agent token. What may pass (the network, a busy
 * bot, a restarting one: I/O errors, 429, 5xx) is retried with the same batch id, waiting twice as
 * long each time (Retry-After when the bot gives one) up to a limit; what will not pass by waiting
 * (a revoked token, a wrong customer, a broken snapshot) ends the pass at once.
 */
class BotClient {

    private static final Logger log = LoggerFactory.getLogger(BotClient.class);

    /** Waits between retries; a parameter so the agent's tests need not wait out real back-offs. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI changes;
    private final String token;
    private final ObjectMapper json;
    private final AgentProperties props;
    private final Pause pause;

    BotClient(AgentProperties props, ObjectMapper json, Pause pause) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = props.botUrl().toString().replaceAll("/+$", "");
        this.changes = URI.create(base + "/api/v1/customers/" + props.customer() + "/directory/agent/changes");
        this.token = props.token();
        this.json = json;
        this.props = props;
        this.pause = pause;
    }

    /** Why a push did not go through; {@code retryable} failures outlasted every retry. */
    static final class PushFailed extends RuntimeException {
        PushFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** @return the bot's receipt (added, updated, disabled, rejected) */
    JsonNode push(AgentBatch batch) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(batch);
        } catch (IOException e) {
            throw new IllegalStateException("an agent batch as JSON", e);
        }
        var request = HttpRequest.newBuilder(changes).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Duration wait = props.retryInitial();
        String last = "";
        for (int attempt = 1; attempt <= props.retryAttempts(); attempt++) {
            Duration next = wait;
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return json.readTree(response.body());
                }
                String detail = detail(response.body());
                if (status != 429 && status < 500) {
                    throw new PushFailed(refusal(status, detail));
                }
                last = status + " " + detail;
                next = response.headers().firstValue("Retry-After").flatMap(BotClient::seconds).orElse(wait);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PushFailed("interrupted");
            }
            if (attempt == props.retryAttempts()) {
                break;
            }
            log.warn("Push of batch {} to the bot failed ({}), try {} of {}; retrying in {}", batch.batchId(), last,
                    attempt, props.retryAttempts(), next);
            try {
                pause.sleep(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PushFailed("interrupted");
            }
            wait = wait.multipliedBy(2).compareTo(props.retryMax()) > 0 ? props.retryMax() : wait.multipliedBy(2);
        }
        throw new PushFailed("The bot did not take batch " + batch.batchId() + " after " + props.retryAttempts()
                + " tries (last: " + last + "); the pass starts again from the same cursor.");
    }

    private String refusal(int status, String detail) {
        return switch (status) {
            case 401 -> "The bot refused the agent token (401: unknown, revoked or expired). Issue a new AGENT token "
                    + "for '" + props.customer() + "' and set AGENT_TOKEN.";
            case 403 -> "The bot refused this token for customer '" + props.customer() + "' (403): " + detail
                    + " Check AGENT_CUSTOMER and that the token has the AGENT role for it.";
            case 409 -> "The bot broke off the snapshot (409): " + detail;
            default -> "The bot refused the batch (" + status + "): " + detail;
        };
    }

    private String detail(String body) {
        try {
            return json.readTree(body).path("detail").asText(body);
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
