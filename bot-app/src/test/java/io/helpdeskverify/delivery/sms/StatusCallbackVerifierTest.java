package io.helpdeskverify.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.testsupport.SharedFiles;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official twilio-java signature vector (shared/fixtures/twilio_signature_vector.json) through our verifier. */
class StatusCallbackVerifierTest {

    private final JsonNode vector = read();

    @Test
    void theOfficialVectorIsAccepted() {
        var verifier = verifier(vector.get("url").asText());
        assertThat(verifier.verify(null, params(), vector.get("expectedSignature").asText())).isTrue();
    }

    @Test
    void theQueryStringTwilioCalledIsPartOfTheSignedUrl() {
        String url = vector.get("url").asText();
        var verifier = verifier(url.substring(0, url.indexOf('?')));
        assertThat(verifier.verify("foo=1&bar=2", params(), vector.get("expectedSignature").asText())).isTrue();
    }

    @Test
    void anyChangeBreaksIt() {
        var verifier = verifier(vector.get("url").asText());
        String signature = vector.get("expectedSignature").asText();
        var changed = new HashMap<>(params());
        changed.put("Digits", "9999");

        assertThat(verifier.verify(null, changed, signature)).isFalse();
        assertThat(verifier(vector.get("url").asText().replace("mycompany", "evil")).verify(null, params(), signature)).isFalse();
        assertThat(verifier.verify(null, params(), "")).isFalse();
        assertThat(verifier.verify(null, params(), null)).isFalse();
        assertThat(new StatusCallbackVerifier(new TwilioProperties("AC1", "", "", "", "", vector.get("url").asText(), ""))
                .verify(null, params(), signature)).as("no auth token, nothing verifies").isFalse();
    }

    @Test
    void theCallbackUrlComesFromThePublicUrlWhenNotSetExplicitly() {
        assertThat(new TwilioProperties("", "", "", "", "", "", "https://bot.msp.example/").callbackUrl())
                .isEqualTo("https://bot.msp.example/webhooks/twilio/status");
        assertThat(new TwilioProperties("", "", "", "", "", "https://x.example/cb", "https://bot.msp.example").callbackUrl())
                .isEqualTo("https://x.example/cb");
        assertThat(new TwilioProperties("", "secret-token", "", "", "", "", "").toString()).doesNotContain("secret-token");
    }

    private StatusCallbackVerifier verifier(String url) {
        return new StatusCallbackVerifier(new TwilioProperties("AC1", vector.get("authToken").asText(), "+1", "", "", url, ""));
    }

    private Map<String, String> params() {
        var out = new HashMap<String, String>();
        vector.get("params").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static JsonNode read() {
        return SharedFiles.fixtureJson("twilio_signature_vector.json");
    }
}
