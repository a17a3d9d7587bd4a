package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Requests that did not come from Slack are refused with 401 before anything happens. */
@ExtendWith(OutputCaptureExtension.class)
class SlackRequestVerificationTest extends SlackTestBase {

    /**
     * Issue 20: unsigned bodies Bolt could not parse (a block_actions payload without a user, JSON
     * that is not a payload) used to get 200 "Something went wrong" and an ERROR with a stack trace
     * each, others a plain-text 400. Now every one is a 401 problem before the body is parsed, and
     * the whole burst writes at most one INFO line.
     */
    @org.junit.jupiter.api.Test
    void unsignedBodiesOfAnyShapeAre401ProblemsWithoutErrors(CapturedOutput output) {
        String now = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().minusSeconds(6 * 60).getEpochSecond());
        var bodies = List.of("payload=%7B%22type%22%3A%22block_actions%22%7D",
                "payload=" + java.net.URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":{}}",
                        java.nio.charset.StandardCharsets.UTF_8),
                "payload=%7B%22type%22%3A%22view_submission%22%7D", "payload=not-json", "payload=",
                "{\"type\":\"url_verification\",\"challenge\":\"x\"}", "", "command=%2Fverify&text=help",
                "%%%", "payload=" + "A".repeat(100_000));
        int before = output.getAll().length();
        for (String body : bodies) {
            for (String[] headers : new String[][] {{null, null}, {now, null}, {null, "v0=abc"},
                    {now, "v0=" + "0".repeat(64)}, {stale, new SlackSignature.Generator(SlackRequests.SIGNING_SECRET)
                            .generate(stale, body)}, {"not-a-number", "v0=abc"}}) {
                var response = slack.send(body, headers[0], headers[1]);
                assertThat(response.statusCode()).as(body + " " + headers[0] + " " + headers[1]).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception", "at io.",
                        "Something went wrong");
            }
        }
        // Only what these requests logged: on Tomcat's request threads. The JVM's other contexts keep
        // working meanwhile (another test's verification expiring, an audit reply to a stopped fake)
        // and their WARN lines are not this test's.
        String logged = output.getAll().substring(before).lines().filter(l -> l.contains("-exec-"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(logged).doesNotContain("ERROR", "Exception", "WARN");
        assertThat(logged.lines().filter(l -> l.contains("SlackSignatureGate")).count()).isLessThanOrEqualTo(1);
    }

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
