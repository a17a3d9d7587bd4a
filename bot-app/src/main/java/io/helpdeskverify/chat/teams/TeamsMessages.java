package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;

/** Bot Framework activities around our Adaptive Cards. */
final class TeamsMessages {

    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private TeamsMessages() {}

    static Activity card(ObjectNode card) {
        Activity a = new Activity(ActivityTypes.MESSAGE);
        var attachment = new Attachment();
        attachment.setContentType(ADAPTIVE_CARD);
        attachment.setContent(card);
        a.setAttachment(attachment);
        return a;
    }

    /** Plain text: Teams would read markdown in it, so it carries our own wording only. */
    static Activity text(String text) {
        Activity a = new Activity(ActivityTypes.MESSAGE);
        a.setText(text);
        a.setTextFormat(TextFormatTypes.PLAIN);
        return a;
    }
}
