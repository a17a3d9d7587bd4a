package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.cards.AdaptiveCardRenderer;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Private messages as Adaptive Cards. A picker is answered from the technician's one-to-one chat,
 * but the verification belongs where the command was typed: the picker remembers that origin (in
 * Redis, under a random key carried in the buttons' data) and who it was offered to.
 */
@Component
@Conditional(TeamsEnabled.class)
class TeamsPrivateMessages {

    static final String ORIGIN = "origin";
    /* A picker left open longer than this starts nothing; the technician types the command again. */
    private static final Duration ORIGIN_TTL = Duration.ofHours(1);

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();
    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    TeamsPrivateMessages(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
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
            String key = remember(who);
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
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String stored = redis.opsForValue().get(redisKey(key));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            Origin o = json.readValue(stored, Origin.class);
            return o.userId().equals(userId) ? Optional.of(o.conversation()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private String remember(Recipient who) {
        String key = UUID.randomUUID().toString();
        try {
            redis.opsForValue().set(redisKey(key), json.writeValueAsString(new Origin(who.conversation(), who.userId())),
                    ORIGIN_TTL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a conversation", e);
        }
        return key;
    }

    private static String redisKey(String key) {
        return "hv:teams:origin:" + key;
    }

    record Origin(ConversationRef conversation, String userId) {}
}
