package io.helpdeskverify.chat;

import io.helpdeskverify.system.StoredJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each verification's cards live and who asked for it, in Redis, so any instance can update
 * the cards when a change happens there (the app's answer, the expiry timer, a delivery report).
 */
@Component
public class ChatBindings {

    /* A verification ends within minutes (codes live at most 10); a day covers any late report. */
    private static final Duration TTL = Duration.ofDays(1);
    private static final String TECHNICIAN = "technician";
    private static final String CARD = "card:";

    private final StringRedisTemplate redis;
    private final StoredJson json;

    public ChatBindings(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    /** The requesting technician, without the request's reply handle (which expires). */
    public void bindTechnician(String verificationId, Recipient technician) {
        put(verificationId, TECHNICIAN, write(technician.withoutReplyUrl()));
    }

    public void bindCard(String verificationId, CardRef card) {
        put(verificationId, CARD + card.conversation().platform() + ":" + card.conversation().conversationId() + ":"
                + card.messageId(), write(card));
    }

    public void forgetCard(String verificationId, CardRef card) {
        redis.opsForHash().delete(key(verificationId), CARD + card.conversation().platform() + ":"
                + card.conversation().conversationId() + ":" + card.messageId());
    }

    public List<CardRef> cards(String verificationId) {
        Map<Object, Object> all = redis.opsForHash().entries(key(verificationId));
        return all.entrySet().stream().filter(e -> e.getKey().toString().startsWith(CARD))
                .map(e -> read(e.getValue().toString(), CardRef.class)).toList();
    }

    public Optional<Recipient> technician(String verificationId) {
        Object value = redis.opsForHash().get(key(verificationId), TECHNICIAN);
        return value == null ? Optional.empty() : Optional.of(read(value.toString(), Recipient.class));
    }

    private void put(String verificationId, String field, String value) {
        redis.opsForHash().put(key(verificationId), field, value);
        redis.expire(key(verificationId), TTL);
    }

    private String write(Object value) {
        return json.write(value);
    }

    private <T> T read(String value, Class<T> type) {
        return json.read(value, type).orElseThrow();
    }

    private static String key(String verificationId) {
        return "hv:chat:v:" + verificationId;
    }
}
