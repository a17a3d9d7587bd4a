package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that did not come from Slack are refused with 401 before anything happens. */
class SlackRequestVerificationTest extends SlackTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"forged", "missing", "stale", "wrong-secret", "tampered"})
    void anUnsignedOrMissignedCommandChangesNothing(String kind) {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        String body = SlackRequests.slashCommand(user + "@acme --sms", channel, "UFORGER", "forger", fake.responseUrl());
        String now = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().minusSeconds(6 * 60).getEpochSecond());
        var good = new SlackSignature.Generator(SlackRequests.SIGNING_SECRET);

        var response = switch (kind) {
            case "forged" -> slack.send(body, now, "v0=" + "0".repeat(64));
            case "missing" -> slack.send(body, null, null);
            case "stale" -> slack.send(body, stale, good.generate(stale, body));
            case "wrong-secret" -> slack.send(body, now, new SlackSignature.Generator("not-the-secret").generate(now, body));
            default -> slack.send(body.replace("--sms", "--email"), now, good.generate(now, body));
        };

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception", "at io.");
        // Nothing started: no card (a signed command posts one within milliseconds), no event for that user.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> fake.calls("chat.postMessage", channel).isEmpty() && fake.allCalls("chat.postEphemeral")
                        .stream().noneMatch(c -> channel.equals(c.form().get("channel"))));
        var events = api.get("/api/v1/events?customer=acme&user=" + user + "&limit=100").json();
        assertThat(StreamSupport.stream(events.spliterator(), false).toList()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theSameCommandCorrectlySignedIsAccepted() {
        // The control for the test above: only the signature differs.
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        command(user + "@acme --sms", channel, "USIGNED", "signer");
        awaitCard(channel);
    }
}
