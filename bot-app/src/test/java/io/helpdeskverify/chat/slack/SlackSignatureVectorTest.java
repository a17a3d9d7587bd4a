package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Slack's own worked example: the generator our tests sign with, and the verifier Bolt checks with, agree with it. */
class SlackSignatureVectorTest {

    @Test
    void theOfficialVectorSignsAndVerifies() throws Exception {
        JsonNode vector = new ObjectMapper().readTree(Files.readString(
                SlackRequests.fixture("slack_signature_vector_official.json")));
        String secret = vector.get("signingSecret").asText();
        String timestamp = vector.get("timestamp").asText();
        String body = vector.get("rawBody").asText();
        String expected = vector.get("expectedSignature").asText();

        assertThat(new SlackSignature.Generator(secret).generate(timestamp, body)).isEqualTo(expected);

        // The vector is from 2018: verify "as of" its own time, then as of now, when it is stale.
        var verifier = new SlackSignature.Verifier(new SlackSignature.Generator(secret));
        long then = Long.parseLong(timestamp) * 1000;
        assertThat(verifier.isValid(timestamp, body, expected, then)).isTrue();
        assertThat(verifier.isValid(timestamp, body + "&x=1", expected, then)).isFalse();
        assertThat(verifier.isValid(timestamp, body, expected.replace('a', 'b'), then)).isFalse();
        assertThat(verifier.isValid(timestamp, body, expected)).as("older than 5 minutes").isFalse();
    }
}
