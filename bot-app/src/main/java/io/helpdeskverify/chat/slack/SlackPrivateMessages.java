package io.helpdeskverify.chat.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.cards.BlockKitRenderer;
import io.helpdeskverify.chat.core.PrivateMessage;

/** Renders the flow's private messages as Block Kit; the renderer escapes and sizes everything. */
final class SlackPrivateMessages {

    private SlackPrivateMessages() {}

    static ObjectNode render(BlockKitRenderer renderer, PrivateMessage message) {
        if (message instanceof PrivateMessage.Notice n) {
            return renderer.notice(n.view());
        }
        if (message instanceof PrivateMessage.Picker p) {
            return renderer.picker(p.view());
        }
        if (message instanceof PrivateMessage.Events e) {
            return renderer.eventList(e.view());
        }
        var code = (PrivateMessage.Code) message;
        return renderer.codeMessage(code.card(), code.code(), code.instruction());
    }
}
