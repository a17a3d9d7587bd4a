package io.helpdeskverify.chat.teams;

import io.helpdeskverify.chat.store.PickerOrigins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.cards.AdaptiveCardRenderer;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import java.util.Optional;

/**
 * Private messages as Adaptive Cards. A picker is answered from the technician's one-to-one chat,
 * but the verification belongs where the command was typed: its buttons carry the key under which
 * {@link PickerOrigins} remembers that origin and who it was offered to.
 */
class TeamsPrivateMessages {

    static final String ORIGIN = "origin";

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();
    private final PickerOrigins origins;

    TeamsPrivateMessages(PickerOrigins origins) {
        this.origins = origins;
    }

    ObjectNode render(Recipient who, PrivateMessage message) {
        if (message instanceof PrivateMessage.Notice n) {
            return renderer.notice(n.view());
        }
        if (message instanceof PrivateMessage.Events e) {
            return renderer.eventList(e.view());
        }
        if (message instanceof PrivateMessage.Picker p) {
            ObjectNode card = renderer.picker(p.view());
            String key = origins.remember(who.conversation(), who.userId());
            for (JsonNode action : card.path("actions")) {
                ObjectNode data = action.has("data") ? (ObjectNode) action.get("data") : ((ObjectNode) action).putObject("data");
                data.put(ORIGIN, key);
            }
            return card;
        }
        throw new IllegalArgumentException("no Teams card for " + message.getClass().getSimpleName());
    }

    /** Where the picker with this key was offered, if it was offered to this user and has not lapsed. */
    Optional<ConversationRef> origin(String key, String userId) {
        return origins.origin(key, userId);
    }
}
