package io.helpdeskverify.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Adaptive Card 1.5 building blocks.
 *
 * <p>The escaping rule lives here: a {@code TextBlock} parses markdown (so a display name like
 * {@code [click](https://evil)} would become a link) and Teams clients disagree on backslash
 * escapes, whereas a {@code TextRun} inside a {@code RichTextBlock} is plain text by definition. So
 * {@link #textBlock} takes only our own fixed wording and date functions, and anything that came
 * from the directory, a technician or a user goes through {@link #run}.
 */
final class AdaptiveCards {

    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String VERSION = "1.5";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {}

    static ObjectNode card(List<ObjectNode> body) {
        ObjectNode card = JSON.objectNode();
        card.put("$schema", SCHEMA);
        card.put("type", "AdaptiveCard");
        card.put("version", VERSION);
        card.set("body", array(body));
        return card;
    }

    /** Our own wording only (markdown and DATE()/TIME() are interpreted). */
    static ObjectNode textBlock(String ownText) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", ownText);
        block.put("wrap", true);
        return block;
    }

    static ObjectNode subtle(ObjectNode block) {
        block.put("isSubtle", true);
        return block;
    }

    static ObjectNode richText(List<ObjectNode> runs) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "RichTextBlock");
        block.set("inlines", array(runs));
        return block;
    }

    static ObjectNode richText(ObjectNode... runs) {
        return richText(List.of(runs));
    }

    /** Plain text, never markdown: the only place untrusted strings go. */
    static ObjectNode run(String text) {
        ObjectNode run = JSON.objectNode();
        run.put("type", "TextRun");
        run.put("text", text);
        return run;
    }

    static ObjectNode bold(String text) {
        ObjectNode run = run(text);
        run.put("weight", "bolder");
        return run;
    }

    static ObjectNode container(String style, List<ObjectNode> items) {
        ObjectNode container = JSON.objectNode();
        container.put("type", "Container");
        container.put("style", style);
        container.set("items", array(items));
        return container;
    }

    /** A narrow left column (a time) next to a wide right one (what happened). */
    static ObjectNode row(ObjectNode left, ObjectNode right) {
        ObjectNode set = JSON.objectNode();
        set.put("type", "ColumnSet");
        set.set("columns", array(List.of(column("auto", left), column("stretch", right))));
        set.put("spacing", "small");
        return set;
    }

    static ObjectNode execute(String title, String verb, ObjectNode data) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", verb);
        action.set("data", data);
        return action;
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode array = JSON.arrayNode();
        nodes.forEach(array::add);
        return array;
    }

    /** Date and time in each reader's zone, via the card's own date functions. */
    static String localDateTime(Instant at) {
        String t = CardText.rfc3339(at);
        return "{{DATE(" + t + ", SHORT)}} {{TIME(" + t + ")}}";
    }

    static String localTime(Instant at) {
        return "{{TIME(" + CardText.rfc3339(at) + ")}}";
    }

    private static ObjectNode column(String width, ObjectNode item) {
        ObjectNode column = JSON.objectNode();
        column.put("type", "Column");
        column.put("width", width);
        column.set("items", array(List.of(item)));
        return column;
    }
}
