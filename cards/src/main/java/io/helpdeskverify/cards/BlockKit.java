package io.helpdeskverify.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit building blocks and Slack's documented limits. Slack rejects a whole message
 * ({@code invalid_blocks}) when one limit is exceeded, and a rejected card update leaves the channel
 * showing a stale state, so renderers size every slot below these limits up front and the builders
 * here refuse anything larger: a limit breach is a renderer bug, caught by the tests with the
 * longest inputs, not something to send.
 */
final class BlockKit {

    static final int MAX_BLOCKS = 50;
    static final int SECTION_TEXT_MAX = 3000;
    static final int FIELD_TEXT_MAX = 2000;
    static final int MAX_FIELDS = 10;
    static final int HEADER_TEXT_MAX = 150;
    static final int BUTTON_TEXT_MAX = 75;
    static final int BUTTON_VALUE_MAX = 2000;
    static final int ID_MAX = 255;
    static final int ACTIONS_ELEMENTS_MAX = 25;
    static final int CONTEXT_ELEMENTS_MAX = 10;
    static final int OPTIONS_MAX = 100;
    static final int OPTION_TEXT_MAX = 75;
    static final int OPTION_VALUE_MAX = 150;
    static final int PLACEHOLDER_MAX = 150;
    static final int CONFIRM_TITLE_MAX = 100;
    static final int CONFIRM_TEXT_MAX = 300;
    static final int CONFIRM_BUTTON_MAX = 30;
    /* Slack truncates top-level text at 40,000 characters and advises staying under 4,000; it is
       what notifications and screen readers show, so it stays short. */
    static final int MESSAGE_TEXT_MAX = 4000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BlockKit() {}

    static ObjectNode message(String text, List<ObjectNode> blocks) {
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalStateException("Block Kit limit: " + blocks.size() + " blocks > " + MAX_BLOCKS);
        }
        ObjectNode message = textOnly(text);
        ArrayNode array = message.putArray("blocks");
        blocks.forEach(array::add);
        return message;
    }

    /** A message without blocks: Slack renders its text as mrkdwn (audit thread replies). */
    static ObjectNode textOnly(String text) {
        ObjectNode message = JSON.objectNode();
        message.put("text", within(text, MESSAGE_TEXT_MAX, "message text"));
        return message;
    }

    static ObjectNode header(String blockId, String plainText) {
        ObjectNode block = block("header", blockId);
        block.set("text", plain(within(plainText, HEADER_TEXT_MAX, "header text")));
        return block;
    }

    static ObjectNode section(String blockId, String mrkdwnText) {
        ObjectNode block = block("section", blockId);
        block.set("text", mrkdwn(within(mrkdwnText, SECTION_TEXT_MAX, "section text")));
        return block;
    }

    static ObjectNode section(String blockId, String mrkdwnText, ObjectNode accessory) {
        ObjectNode block = section(blockId, mrkdwnText);
        block.set("accessory", accessory);
        return block;
    }

    static ObjectNode fields(String blockId, List<String> mrkdwnFields) {
        if (mrkdwnFields.isEmpty() || mrkdwnFields.size() > MAX_FIELDS) {
            throw new IllegalStateException("Block Kit limit: 1 to " + MAX_FIELDS + " fields");
        }
        ObjectNode block = block("section", blockId);
        ArrayNode fields = block.putArray("fields");
        mrkdwnFields.forEach(f -> fields.add(mrkdwn(within(f, FIELD_TEXT_MAX, "field text"))));
        return block;
    }

    static ObjectNode context(String blockId, String mrkdwnText) {
        ObjectNode block = block("context", blockId);
        block.putArray("elements").add(mrkdwn(within(mrkdwnText, SECTION_TEXT_MAX, "context text")));
        return block;
    }

    static ObjectNode actions(String blockId, List<ObjectNode> elements) {
        if (elements.isEmpty() || elements.size() > ACTIONS_ELEMENTS_MAX) {
            throw new IllegalStateException("Block Kit limit: 1 to " + ACTIONS_ELEMENTS_MAX + " elements");
        }
        ObjectNode block = block("actions", blockId);
        ArrayNode array = block.putArray("elements");
        elements.forEach(array::add);
        return block;
    }

    static ObjectNode button(String text, String actionId, String value) {
        ObjectNode button = JSON.objectNode();
        button.put("type", "button");
        button.put("action_id", within(actionId, ID_MAX, "action_id"));
        button.set("text", plain(within(text, BUTTON_TEXT_MAX, "button text")));
        button.put("value", within(value, BUTTON_VALUE_MAX, "button value"));
        return button;
    }

    /** A "are you sure?" dialog; {@code danger} paints its confirm button red like the action. */
    static ObjectNode confirm(String title, String text, String confirm, String deny, boolean danger) {
        ObjectNode dialog = JSON.objectNode();
        dialog.set("title", plain(within(title, CONFIRM_TITLE_MAX, "confirm title")));
        dialog.set("text", plain(within(text, CONFIRM_TEXT_MAX, "confirm text")));
        dialog.set("confirm", plain(within(confirm, CONFIRM_BUTTON_MAX, "confirm button")));
        dialog.set("deny", plain(within(deny, CONFIRM_BUTTON_MAX, "deny button")));
        if (danger) {
            dialog.put("style", "danger");
        }
        return dialog;
    }

    static ObjectNode staticSelect(String actionId, String placeholder, List<ObjectNode> options) {
        if (options.isEmpty() || options.size() > OPTIONS_MAX) {
            throw new IllegalStateException("Block Kit limit: 1 to " + OPTIONS_MAX + " options");
        }
        ObjectNode select = JSON.objectNode();
        select.put("type", "static_select");
        select.put("action_id", within(actionId, ID_MAX, "action_id"));
        select.set("placeholder", plain(within(placeholder, PLACEHOLDER_MAX, "placeholder")));
        ArrayNode array = select.putArray("options");
        options.forEach(array::add);
        return select;
    }

    static ObjectNode option(String text, String description, String value) {
        ObjectNode option = JSON.objectNode();
        option.set("text", plain(within(text, OPTION_TEXT_MAX, "option text")));
        if (!description.isEmpty()) {
            option.set("description", plain(within(description, OPTION_TEXT_MAX, "option description")));
        }
        option.put("value", within(value, OPTION_VALUE_MAX, "option value"));
        return option;
    }

    static ObjectNode plain(String text) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "plain_text");
        node.put("text", text);
        node.put("emoji", true);
        return node;
    }

    static ObjectNode mrkdwn(String text) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "mrkdwn");
        node.put("text", text);
        return node;
    }

    /**
     * Slack's date token: each client shows the time in its reader's zone, so a card needs no update
     * to stay right, and the fallback (UTC) is shown by clients that cannot.
     */
    static String date(Instant at, String tokens, String utcFallback) {
        return "<!date^" + at.getEpochSecond() + "^" + tokens + "|" + utcFallback + ">";
    }

    static String time(Instant at) {
        return date(at, "{time_secs}", CardText.utcTime(at));
    }

    static String dateTime(Instant at) {
        return date(at, "{date_short} {time_secs}", CardText.utcDateTime(at));
    }

    /**
     * Joins lines into as few texts of at most {@code max} characters as possible, breaking only
     * between lines (a cut inside a line could split a {@code <!date…>} token). Each line must
     * already fit on its own.
     */
    static List<String> pack(List<String> lines, int max) {
        List<String> texts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            within(line, max, "line");
            if (current.length() > 0 && current.length() + 1 + line.length() > max) {
                texts.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
        }
        if (current.length() > 0) {
            texts.add(current.toString());
        }
        return texts;
    }

    static String within(String text, int max, String what) {
        if (text.length() > max) {
            throw new IllegalStateException(
                    "Block Kit limit: " + what + " is " + text.length() + " characters, at most " + max);
        }
        return text;
    }

    private static ObjectNode block(String type, String blockId) {
        ObjectNode block = JSON.objectNode();
        block.put("type", type);
        block.put("block_id", within(blockId, ID_MAX, "block_id"));
        return block;
    }
}
