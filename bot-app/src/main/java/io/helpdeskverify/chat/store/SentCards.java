package io.helpdeskverify.chat.store;

import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.Recipient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.verification.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Where each verification's cards live and who asked for it, in Redis, so any instance can update
 * the cards when a change happens there (the app's answer, the expiry timer, a delivery report).
 *
 * <p>Each value is a short JSON array, {@code [platform, workspace, conversation, user or message,
 * serviceUrl?]}, so that for Slack every value stays within the 64 bytes under which Redis keeps a
 * small hash as one compact listpack (about 450 B less per verification than two JSON objects).
 * Objects written before that still read.
 */
@Component
public class SentCards {

    /* A verification ends within minutes (codes live at most 10); a day covers any late report. */
    private static final Duration TTL = Duration.ofDays(1);
    private static final String TECHNICIAN = "technician";
    private static final String CARD = "card:";
    private static final String PAINTED = "painted:";
    private static final String OUTCOME_AUDIT = "outcome-audit";
    /* A claim to post the outcome audit older than this was left by an instance that died posting it. */
    private static final Duration OUTCOME_AUDIT_STALE = Duration.ofSeconds(30);
    private static final RedisScript<Long> CLAIM_OUTCOME_AUDIT = LuaScripts.load("outcome-audit-claim.lua", Long.class);

    private final StringRedisTemplate redis;
    private final StoredJson json;

    public SentCards(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    /** The requesting technician, without the request's reply handle (which expires). */
    public void bindTechnician(String verificationId, Recipient technician) {
        put(verificationId, TECHNICIAN, write(technician.conversation(), technician.userId()));
    }

    public void bindCard(String verificationId, CardRef card) {
        put(verificationId, cardField(card), write(card.conversation(), card.messageId()));
    }

    public void forgetCard(String verificationId, CardRef card) {
        redis.opsForHash().delete(key(verificationId), cardField(card), PAINTED + cardField(card));
    }

    /** The card now shows this version of the verification. */
    public void painted(String verificationId, CardRef card, long version) {
        redis.opsForHash().put(key(verificationId), PAINTED + cardField(card), Long.toString(version));
    }

    /** The cards that do not show this version yet. */
    public List<CardRef> notPaintedAt(String verificationId, long version) {
        Map<Object, Object> all = redis.opsForHash().entries(key(verificationId));
        return all.entrySet().stream().filter(e -> e.getKey().toString().startsWith(CARD))
                .filter(e -> {
                    Object painted = all.get(PAINTED + e.getKey());
                    return painted == null || Long.parseLong(painted.toString()) < version;
                })
                .map(e -> readCard(e.getValue().toString())).toList();
    }

    /** Whether the caller is the one to post the outcome into the audit threads (at most one at a time). */
    public boolean claimOutcomeAudit(String verificationId, Instant now) {
        Long mine = redis.execute(CLAIM_OUTCOME_AUDIT, List.of(key(verificationId)),
                Long.toString(now.toEpochMilli()), Long.toString(OUTCOME_AUDIT_STALE.toMillis()));
        return mine != null && mine == 1L;
    }

    public void outcomeAudited(String verificationId) {
        redis.opsForHash().put(key(verificationId), OUTCOME_AUDIT, "done");
    }

    /** Posting failed: another attempt (this instance's or another's) may claim it at once. */
    public void outcomeAuditFailed(String verificationId) {
        redis.opsForHash().delete(key(verificationId), OUTCOME_AUDIT);
    }

    public boolean isOutcomeAudited(String verificationId) {
        return "done".equals(redis.opsForHash().get(key(verificationId), OUTCOME_AUDIT));
    }

    private static String cardField(CardRef card) {
        return CARD + card.conversation().platform() + ":" + card.conversation().conversationId() + ":" + card.messageId();
    }

    public List<CardRef> cards(String verificationId) {
        Map<Object, Object> all = redis.opsForHash().entries(key(verificationId));
        return all.entrySet().stream().filter(e -> e.getKey().toString().startsWith(CARD))
                .map(e -> readCard(e.getValue().toString())).toList();
    }

    public Optional<Recipient> technician(String verificationId) {
        Object value = redis.opsForHash().get(key(verificationId), TECHNICIAN);
        return value == null ? Optional.empty() : Optional.of(readTechnician(value.toString()));
    }

    private void put(String verificationId, String field, String value) {
        redis.opsForHash().put(key(verificationId), field, value);
        redis.expire(key(verificationId), TTL);
    }

    private String write(ConversationRef where, String last) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode().add(where.platform().name()).add(where.workspace())
                .add(where.conversationId()).add(last);
        if (!where.serviceUrl().isEmpty()) {
            a.add(where.serviceUrl());
        }
        return a.toString();
    }

    private CardRef readCard(String value) {
        if (!value.startsWith("[")) {
            return json.read(value, CardRef.class).orElseThrow();
        }
        JsonNode a = array(value);
        return new CardRef(conversation(a), a.get(3).asText());
    }

    private Recipient readTechnician(String value) {
        if (!value.startsWith("[")) {
            return json.read(value, Recipient.class).orElseThrow();
        }
        JsonNode a = array(value);
        return new Recipient(conversation(a), a.get(3).asText(), Optional.empty());
    }

    private static ConversationRef conversation(JsonNode a) {
        return new ConversationRef(Platform.valueOf(a.get(0).asText()), a.get(1).asText(), a.get(2).asText(),
                a.path(4).asText(""));
    }

    private JsonNode array(String value) {
        JsonNode a = json.read(value, JsonNode.class).orElseThrow();
        if (a.size() < 4) {
            throw new IllegalStateException("corrupt chat binding in Redis: " + a.size() + " elements");
        }
        return a;
    }

    private static String key(String verificationId) {
        return "hv:chat:v:" + verificationId;
    }
}
