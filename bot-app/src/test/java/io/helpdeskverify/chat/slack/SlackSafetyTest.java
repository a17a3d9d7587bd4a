package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.support.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Directory text that tries to mention everyone, impersonate a user or hide a link, at the longest
 * lengths the directory accepts: Slack receives it escaped, and every message stays within Block
 * Kit's limits (50 blocks, 3000 characters per text, 2000 per field and button value).
 */
class SlackSafetyTest extends SlackTestBase {

    private static final String HOSTILE = "<!channel> <@U0BOSS> <https://evil.example|reset here> & ";

    @Test
    void hostileNamesAtMaximumLengthAreEscapedAndFitBlockKit() throws IOException {
        String slug = Fixtures.unique("evil");
        String customerName = repeat(HOSTILE, 200);
        var c = api.post("/api/v1/customers", """
                {"slug":"%s","name":"%s","emailDomains":[],"defaultRegion":"US"}""".formatted(slug, customerName));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String displayName = repeat(HOSTILE, 256);
        var u = api.post("/api/v1/customers/" + slug + "/end-users", """
                {"username":"mallory","displayName":"%s","email":"mallory@evil.example","mobile":"+12025550111"}"""
                .formatted(displayName));
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        String channel = channel();

        String responseUrl = command("mallory@" + slug + " --sms", channel, "USAFE", "sam");
        var card = awaitCard(channel);
        String code = await().until(() -> fake.responses(responseUrl), r -> !r.isEmpty()).get(0);
        click("hv_deny", verificationId(card), card, "USAFE", "sam");
        var denied = awaitUpdate(channel, "*Unable to verify*");
        var audit = await().atMost(Duration.ofSeconds(10)).until(() -> fake.calls("chat.postMessage", channel).stream()
                .filter(m -> m.form().containsKey("thread_ts")).toList(), l -> !l.isEmpty());

        var messages = new ArrayList<String>();
        messages.add(card.all());
        messages.add(denied.all());
        messages.add(code);
        audit.forEach(a -> messages.add(a.all()));
        for (String m : messages) {
            assertThat(m).doesNotContain("<!channel>", "<@U0BOSS>", "<https://evil").contains("&lt;!channel&gt;");
        }
        assertWithinBlockKitLimits(card.blocks());
        assertWithinBlockKitLimits(denied.blocks());
        assertWithinBlockKitLimits(new ObjectMapper().readTree(code).get("blocks").toString());
        assertThat(card.text().length()).isLessThanOrEqualTo(4000);
    }

    private static void assertWithinBlockKitLimits(String blocksJson) throws IOException {
        JsonNode blocks = new ObjectMapper().readTree(blocksJson);
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        List<JsonNode> texts = new ArrayList<>();
        for (JsonNode b : blocks) {
            texts.add(b.path("text"));
            b.path("fields").forEach(f -> assertThat(f.path("text").asText().length()).isLessThanOrEqualTo(2000));
            b.path("elements").forEach(e -> {
                assertThat(e.path("value").asText().length()).isLessThanOrEqualTo(2000);
                assertThat(e.path("action_id").asText().length()).isLessThanOrEqualTo(255);
            });
            assertThat(b.path("block_id").asText().length()).isLessThanOrEqualTo(255);
        }
        texts.forEach(t -> assertThat(t.path("text").asText().length()).isLessThanOrEqualTo(3000));
    }

    private static String repeat(String s, int length) {
        var sb = new StringBuilder();
        while (sb.length() + s.length() <= length) {
            sb.append(s);
        }
        return (sb + "x".repeat(length - sb.length())).substring(0, length - 1) + "z";
    }
}
