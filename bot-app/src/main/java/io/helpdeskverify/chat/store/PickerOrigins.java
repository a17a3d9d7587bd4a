package io.helpdeskverify.chat.store;

import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.shared.StoredJson;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a picker was offered and to whom, under a random key its buttons carry: on Teams a picker is
 * answered from the technician's one-to-one chat, but the verification belongs where the command
 * was typed.
 */
@Component
public class PickerOrigins {

    /* A picker left open longer than this starts nothing; the technician types the command again. */
    private static final Duration TTL = Duration.ofHours(1);

    private final StringRedisTemplate redis;
    private final StoredJson json;

    public PickerOrigins(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    /** @return the key to carry in the picker's buttons */
    public String remember(ConversationRef where, String userId) {
        String key = UUID.randomUUID().toString();
        redis.opsForValue().set(redisKey(key), json.write(new Origin(where, userId)), TTL);
        return key;
    }

    /** Where the picker with this key was offered, if it was offered to this user and has not lapsed. */
    public Optional<ConversationRef> origin(String key, String userId) {
        if (key.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.opsForValue().get(redisKey(key)))
                .flatMap(stored -> json.read(stored, Origin.class))
                .filter(o -> o.userId().equals(userId)).map(Origin::conversation);
    }

    private static String redisKey(String key) {
        return "hv:teams:origin:" + key;
    }

    record Origin(ConversationRef conversation, String userId) {}
}
