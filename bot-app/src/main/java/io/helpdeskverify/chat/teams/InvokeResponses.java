package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;

/** The bodies Teams expects back from an {@code adaptiveCard/action} invoke (Universal Actions). */
final class InvokeResponses {

    private InvokeResponses() {}

    /** The card the invoking user sees from now on (for everyone else the message is unchanged). */
    static InvokeResponse card(ObjectNode card) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", TeamsMessages.ADAPTIVE_CARD);
        body.set("value", card);
        return new InvokeResponse(200, body);
    }

    /** A short message shown to the invoking user; the card stays as it is. */
    static InvokeResponse message(String text) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", "application/vnd.microsoft.activity.message");
        body.put("value", text);
        return new InvokeResponse(200, body);
    }
}
