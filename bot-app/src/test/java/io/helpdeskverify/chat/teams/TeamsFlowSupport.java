package io.helpdeskverify.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.chat.teams.FakeBotConnector.Call;
import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.MicrosoftAdaptiveCards;
import io.helpdeskverify.testsupport.AdaptiveCardSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What the Teams tests ask of the fake connector and the admin API, in one place. */
final class TeamsFlowSupport {

    private final FakeBotConnector fake;
    private final Api api;
    /* Every card a test saw, to validate against the schema afterwards. */
    final List<JsonNode> seenCards = new ArrayList<>();

    TeamsFlowSupport(FakeBotConnector fake, Api api) {
        this.fake = fake;
        this.api = api;
    }

    /** The verification card posted into this conversation, once it arrived. */
    Call awaitCardPosted(Conversation where) {
        return awaitCall(c -> c.card().path("type").asText().equals("AdaptiveCard")
                && c.card().path("refresh").path("action").path("data").has("verificationId")
                && postedTo(c, where));
    }

    Call awaitCall(Predicate<Call> which) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> fake.calls().stream().filter(which).findFirst()
                .orElse(null), c -> c != null);
    }

    List<Call> calls(Predicate<Call> which) {
        return fake.calls().stream().filter(which).toList();
    }

    static boolean postedTo(Call c, Conversation where) {
        if (c.isNewConversation()) {
            return c.body().path("channelData").path("channel").path("id").asText().equals(where.id());
        }
        return c.isSend() && c.path().startsWith("/v3/conversations/" + where.id() + "/");
    }

    static boolean updateIn(Call c, Conversation where) {
        return c.isUpdate() && c.path().startsWith("/v3/conversations/" + where.id());
    }

    static String verificationId(Call card) {
        return card.card().path("refresh").path("action").path("data").path("verificationId").asText();
    }

    /** The card of the latest update in this conversation whose first line says this. */
    Call awaitUpdateSaying(Conversation where, String title) {
        return awaitCall(c -> updateIn(c, where) && c.card().toString().contains(title));
    }

    String state(String verificationId) {
        return api.get("/api/v1/verifications/" + verificationId).json().path("state").asText();
    }

    String awaitState(String verificationId, String... states) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> state(verificationId), s -> List.of(states).contains(s));
    }

    List<String> eventTypes(String verificationId) {
        return eventTypes("acme", verificationId);
    }

    List<String> eventTypes(String customer, String verificationId) {
        var types = new ArrayList<String>();
        for (JsonNode e : api.get("/api/v1/events?customer=" + customer + "&limit=10000").json()) {
            if (e.path("verificationId").asText().equals(verificationId)) {
                types.add(0, e.get("type").asText());
            }
        }
        return types;
    }

    /** The code the end user received (the outbox stands in for their phone and mailbox). */
    String outboxCode(String verificationId) {
        JsonNode m = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode o : api.get("/api/v1/dev/outbox?limit=200").json()) {
                if (o.path("verificationId").asText().equals(verificationId)) {
                    return o;
                }
            }
            return null;
        }, o -> o != null);
        var digits = m.path("body").asText().replaceAll("[^0-9 ]", " ").split("\\s+");
        for (String d : digits) {
            if (d.length() >= 6) {
                return d;
            }
        }
        throw new AssertionError("no code in " + m);
    }

    /** The end user taps Approve in the app (found by polling, as the app does when a push is late). */
    void approveInApp(String deviceSecret, String deviceId, String verificationId) {
        var r = answerInApp(deviceSecret, deviceId, verificationId, "approve");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The device's answer ({@code approve}, {@code deny}, {@code report}, {@code match}, {@code nomatch}) to this verification. */
    Api.Response answerInApp(String deviceSecret, String deviceId, String verificationId, String decision) {
        JsonNode challenge = await().atMost(Duration.ofSeconds(10)).until(() -> {
            var r = api.send("GET", "/api/v1/devices/" + deviceId + "/challenges", null, null, deviceSecret, Map.of());
            for (JsonNode c : r.json()) {
                if (c.path("verificationId").asText().equals(verificationId)) {
                    return c;
                }
            }
            return null;
        }, c -> c != null);
        return api.send("POST", "/api/v1/challenges/" + challenge.get("challengeId").asText() + "/response",
                "{\"decision\":\"" + decision + "\"}", "application/json", deviceSecret, Map.of());
    }

    /** An invoke answer: the card the clicking user sees now. */
    JsonNode invokeCard(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("type").asText()).as(r.body()).isEqualTo("application/vnd.microsoft.card.adaptive");
        seenCards.add(body.get("value"));
        return body.get("value");
    }

    /** An invoke answer that leaves the card as it is and tells the user something. */
    String invokeMessage(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("type").asText()).as(r.body()).isEqualTo("application/vnd.microsoft.activity.message");
        return r.json().path("value").asText();
    }

    static List<String> verbs(JsonNode card) {
        var verbs = new ArrayList<String>();
        card.path("actions").forEach(a -> verbs.add(a.path("verb").asText()));
        return verbs;
    }

    static String spaced(String code) {
        // The card shows "123 456" for readability.
        return code.length() == 6 ? code.substring(0, 3) + " " + code.substring(3) : code;
    }

    /** A card the bot answered with directly (a dialog, an invoke), judged with the rest after the test. */
    JsonNode seen(JsonNode card) {
        seenCards.add(card);
        return card;
    }

    /** Every card the test saw, by the official schema and by Microsoft's own library. */
    void validateEverything() {
        var cards = new ArrayList<JsonNode>();
        fake.calls().stream().map(Call::card).filter(c -> c.path("type").asText().equals("AdaptiveCard"))
                .forEach(cards::add);
        cards.addAll(seenCards);
        cards.forEach(AdaptiveCardSchema::assertValid);
        MicrosoftAdaptiveCards.fetchedByTheBuild().assertValid(cards);
    }

    static Map<String, String> data(String... kv) {
        var m = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
