package io.helpdeskverify.chat.store;

import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.Recipient;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.shared.StoredJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.verification.Platform;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Where cards live, in a form that stays small in Redis and reads back exactly, old form included. */
/* A real Redis, no Spring context: this tests one store. */
@ExtendWith(RedisConnection.class)
class SentCardsTest {

    final SentCards bindings;
    final StringRedisTemplate redis;

    SentCardsTest(StringRedisTemplate redis) {
        this.redis = redis;
        this.bindings = new SentCards(redis, new StoredJson(new ObjectMapper().findAndRegisterModules()));
    }

    @Test
    void slackBindingsReadBackAndStayACompactHash() {
        String id = Fixtures.unique("v");
        var channel = ConversationRef.slack("T0123456789", "C0123456789");
        var card = new CardRef(channel, "1700000000.123456");
        bindings.bindTechnician(id, new Recipient(channel, "U0123456789", Optional.of("https://hooks.slack.com/x")));
        bindings.bindCard(id, card);

        assertThat(bindings.technician(id)).contains(new Recipient(channel, "U0123456789", Optional.empty()));
        assertThat(bindings.cards(id)).containsExactly(card);
        String encoding = redis.execute((RedisCallback<String>) c ->
                c.keyCommands().encodingOf(("hv:chat:v:" + id).getBytes(StandardCharsets.UTF_8)).raw());
        assertThat(encoding).as("values under 64 bytes keep the hash compact").isIn("listpack", "ziplist");
    }

    @Test
    void teamsBindingsKeepTheirServiceUrl() {
        String id = Fixtures.unique("v");
        var chat = new ConversationRef(Platform.TEAMS, "tenant-1", "19:abc@thread.v2", "https://smba.example/emea/");
        var card = new CardRef(chat, "1:activity");
        bindings.bindTechnician(id, new Recipient(chat, "29:tech", Optional.empty()));
        bindings.bindCard(id, card);

        assertThat(bindings.technician(id)).contains(new Recipient(chat, "29:tech", Optional.empty()));
        assertThat(bindings.cards(id)).containsExactly(card);
        bindings.forgetCard(id, card);
        assertThat(bindings.cards(id)).isEmpty();
    }

    @Test
    void bindingsWrittenAsObjectsBeforeStillRead() {
        String id = Fixtures.unique("v");
        redis.opsForHash().put("hv:chat:v:" + id, "technician", "{\"conversation\":{\"platform\":\"SLACK\","
                + "\"workspace\":\"T1\",\"conversationId\":\"C1\",\"serviceUrl\":\"\"},\"userId\":\"U1\"}");
        redis.opsForHash().put("hv:chat:v:" + id, "card:SLACK:C1:1.2", "{\"conversation\":{\"platform\":\"SLACK\","
                + "\"workspace\":\"T1\",\"conversationId\":\"C1\",\"serviceUrl\":\"\"},\"messageId\":\"1.2\"}");

        var channel = ConversationRef.slack("T1", "C1");
        assertThat(bindings.technician(id)).contains(new Recipient(channel, "U1", Optional.empty()));
        assertThat(bindings.cards(id)).containsExactly(new CardRef(channel, "1.2"));
    }
}
