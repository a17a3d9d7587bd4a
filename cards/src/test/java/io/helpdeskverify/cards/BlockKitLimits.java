package io.helpdeskverify.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Slack's documented Block Kit limits, checked independently of the renderer's own constants
 * (Slack publishes no schema, and a message over any limit is rejected whole with invalid_blocks).
 * Unknown block or element types fail, so a new kind of block cannot slip past unchecked.
 */
final class BlockKitLimits {

    private BlockKitLimits() {}

    static void assertWithinLimits(JsonNode message) {
        assertThat(message.path("text").isTextual()).as("top-level text (notification fallback)").isTrue();
        assertThat(message.path("text").asText()).as("top-level text").isNotBlank().hasSizeLessThanOrEqualTo(4000);
        JsonNode blocks = message.path("blocks");
        if (blocks.isMissingNode()) {
            return;
        }
        assertThat(blocks.size()).as("blocks").isBetween(1, 50);
        Set<String> blockIds = new HashSet<>();
        for (JsonNode block : blocks) {
            String id = block.path("block_id").asText();
            assertThat(id).as("block_id").startsWith("hv_").hasSizeLessThanOrEqualTo(255);
            assertThat(blockIds.add(id)).as("block_id %s unique in the message", id).isTrue();
            switch (block.path("type").asText()) {
                case "header" -> plainText(block.path("text"), 150, "header text");
                case "section" -> section(block);
                case "context" -> {
                    assertThat(block.path("elements").size()).as("context elements").isBetween(1, 10);
                    block.path("elements").forEach(e -> text(e, 3000, "context text"));
                }
                case "actions" -> {
                    assertThat(block.path("elements").size()).as("actions elements").isBetween(1, 25);
                    Set<String> actionIds = new HashSet<>();
                    for (JsonNode element : block.path("elements")) {
                        element(element);
                        assertThat(actionIds.add(element.path("action_id").asText()))
                                .as("action_id unique in its block").isTrue();
                    }
                }
                default -> fail("unchecked block type " + block.path("type"));
            }
        }
    }

    private static void section(JsonNode block) {
        JsonNode fields = block.path("fields");
        assertThat(block.has("text") || fields.size() > 0).as("section has text or fields").isTrue();
        if (block.has("text")) {
            text(block.path("text"), 3000, "section text");
        }
        if (block.has("fields")) {
            assertThat(fields.size()).as("section fields").isBetween(1, 10);
            fields.forEach(f -> text(f, 2000, "field text"));
        }
        if (block.has("accessory")) {
            element(block.path("accessory"));
        }
    }

    private static void element(JsonNode element) {
        assertThat(element.path("action_id").asText()).as("action_id").isNotEmpty().hasSizeLessThanOrEqualTo(255);
        switch (element.path("type").asText()) {
            case "button" -> {
                plainText(element.path("text"), 75, "button text");
                assertThat(element.path("value").asText()).as("button value").hasSizeLessThanOrEqualTo(2000);
                if (element.has("style")) {
                    assertThat(element.path("style").asText()).isIn("primary", "danger");
                }
                if (element.has("confirm")) {
                    JsonNode confirm = element.path("confirm");
                    plainText(confirm.path("title"), 100, "confirm title");
                    text(confirm.path("text"), 300, "confirm text");
                    plainText(confirm.path("confirm"), 30, "confirm button");
                    plainText(confirm.path("deny"), 30, "deny button");
                    if (confirm.has("style")) {
                        assertThat(confirm.path("style").asText()).isIn("primary", "danger");
                    }
                }
            }
            case "static_select" -> {
                plainText(element.path("placeholder"), 150, "placeholder");
                assertThat(element.path("options").size()).as("select options").isBetween(1, 100);
                for (JsonNode option : element.path("options")) {
                    plainText(option.path("text"), 75, "option text");
                    assertThat(option.path("value").asText()).as("option value").isNotEmpty().hasSizeLessThanOrEqualTo(150);
                    if (option.has("description")) {
                        plainText(option.path("description"), 75, "option description");
                    }
                }
            }
            default -> fail("unchecked element type " + element.path("type"));
        }
    }

    private static void plainText(JsonNode text, int max, String what) {
        assertThat(text.path("type").asText()).as(what + " type").isEqualTo("plain_text");
        text(text, max, what);
    }

    private static void text(JsonNode text, int max, String what) {
        assertThat(text.path("type").asText()).as(what + " type").isIn("plain_text", "mrkdwn");
        assertThat(text.path("text").asText()).as(what).isNotEmpty().hasSizeLessThanOrEqualTo(max);
    }
}
