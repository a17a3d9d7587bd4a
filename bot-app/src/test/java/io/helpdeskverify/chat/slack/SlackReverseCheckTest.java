package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.delivery.DeliveryFakesForTests;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reverse check ({@code /verify me to user@customer}) from Slack, with the real providers'
 * fakes behind: the user answers in the app, or from the one-time link in the SMS the fake Twilio
 * was asked to send; and the same link in an ordinary SMS code says "I did not ask for this".
 */
class SlackReverseCheckTest extends SlackTestBase {

    private static final Pattern SPACED_CODE =
            Pattern.compile("\"block_id\":\"hv_code\",\"text\":\\{\"type\":\"plain_text\",\"text\":\"([0-9 ]+)\"");
    private static final Pattern LINK = Pattern.compile(Pattern.quote(DeliveryFakesForTests.PUBLIC_URL) + "/u/[A-Za-z0-9_-]+");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        DeliveryFakesForTests.register(registry);
    }

    @Test
    void throughTheAppTheUserSeesTheTechniciansCodeAndConfirmsItMatches() {
        var user = new Fixtures(api).userWithApp();
        String channel = channel();
        String responseUrl = command("me to " + user.username() + "@acme", channel, "UREVA", "rita");

        var card = awaitCard(channel);
        String id = verificationId(card);
        assertThat(card.blocks()).contains("Reverse check (the user checks you): app").doesNotContain("hv_approve");
        String code = technicianCode(responseUrl);

        // The push carries the same code, and says it is a reverse check.
        JsonNode push = await().until(() -> DeliveryFakesForTests.fcmRequests("fcm-" + user.username()), l -> !l.isEmpty())
                .get(0).get("message");
        assertThat(push.at("/data/code").asText()).isEqualTo(code);
        assertThat(push.at("/data/reverse").asText()).isEqualTo("true");
        assertThat(push.at("/notification/body").asText()).contains("should read you code " + code);

        JsonNode challenge = await().atMost(Duration.ofSeconds(10)).until(() -> pending(user, id), c -> c != null);
        assertThat(challenge.get("reverse").asBoolean()).isTrue();
        assertThat(challenge.get("prompt").asText()).contains("should read you the code below");
        String challengeId = challenge.get("challengeId").asText();
        assertThat(answer(user, challengeId, "approve").status()).as("no approval without the comparison").isEqualTo(422);

        var matched = answer(user, challengeId, "match");
        assertThat(matched.status()).as(matched.body()).isEqualTo(200);
        assertThat(matched.json().get("state").asText()).isEqualTo("VERIFIED");
        var verified = awaitUpdate(channel, ":white_check_mark: *Verified*");
        assertThat(verified.blocks()).contains("Codes match").doesNotContain(code);
        assertThat(answer(user, challengeId, "nomatch").status()).isEqualTo(409);
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsExactly("VERIFICATION_REQUESTED",
                "CHALLENGE_SENT", "USER_APPROVED", "VERIFIED"));
    }

    @Test
    void throughSmsTheLinkShowsThePageOnGetAndAnswersOnceOnPost() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        String responseUrl = command("verify me to " + user + "@acme", channel, "UREVB", "rob");

        var card = awaitCard(channel);
        String id = verificationId(card);
        assertThat(card.blocks()).contains("Reverse check (the user checks you): SMS");
        String code = technicianCode(responseUrl);
        String sms = await().until(() -> DeliveryFakesForTests.smsBodiesContaining(code), l -> !l.isEmpty()).get(0);
        assertThat(sms).contains("should read you code " + code);
        String path = linkPath(sms);
        awaitUpdate(channel, "Waiting for the user");

        // Opening the link (or a scanner fetching it) changes nothing.
        for (int i = 0; i < 2; i++) {
            var page = page("GET", path, null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("The codes match", "value=\"nomatch\"", "method=\"post\"");
            assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isEqualTo("SENT");
        assertThat(page("POST", path, "answer=report").status()).as("not an answer of a reverse check").isEqualTo(400);

        var answered = page("POST", path, "answer=nomatch");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("Hang up");
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isEqualTo("USER_DENIED");
        assertThat(page("POST", path, "answer=match").status()).as("used once").isEqualTo(404);
        assertThat(page("GET", path, null).status()).isEqualTo(404);
        awaitUpdate(channel, "*Unable to verify*");
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsSubsequence("VERIFICATION_REQUESTED",
                "CHALLENGE_SENT", "USER_DENIED", "UNABLE_TO_VERIFY"));
    }

    @Test
    void anOrdinarySmsCodeCarriesALinkThatDeniesItAsNotAskedFor() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        String responseUrl = command(user + "@acme --sms", channel, "UREVC", "cat");

        String id = verificationId(awaitCard(channel));
        String code = technicianCode(responseUrl, "read the code back to you");
        String sms = await().until(() -> DeliveryFakesForTests.smsBodiesContaining(code), l -> !l.isEmpty()).get(0);
        String path = linkPath(sms);
        assertThat(page("GET", path, null).body()).contains("I did not ask for this").doesNotContain("nomatch");
        assertThat(page("POST", path, "answer=match").status()).isEqualTo(400);

        assertThat(page("POST", path, "answer=report").status()).isEqualTo(200);

        var v = api.get("/api/v1/verifications/" + id).json();
        assertThat(v.get("state").asText()).isEqualTo("USER_DENIED");
        assertThat(page("POST", path, "answer=report").status()).isEqualTo(404);
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsSubsequence("USER_DENIED", "USER_REPORTED",
                "UNABLE_TO_VERIFY"));
    }

    @Test
    void aLinkOfACancelledCheckNoLongerOpensAndAnswersNothing() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        String responseUrl = command("verify me to " + user + "@acme", channel, "UREVD", "dan");
        var card = awaitCard(channel);
        String id = verificationId(card);
        String code = technicianCode(responseUrl);
        String path = linkPath(await().until(() -> DeliveryFakesForTests.smsBodiesContaining(code), l -> !l.isEmpty()).get(0));
        assertThat(page("GET", path, null).status()).isEqualTo(200);

        click("hv_cancel", id, card, "UREVD", "dan");
        awaitUpdate(channel, "Cancelled");

        assertThat(page("GET", path, null).status()).isEqualTo(404);
        assertThat(page("POST", path, "answer=match").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/verifications/" + id).json().get("state").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void anUnknownOrMalformedLinkIsTheSameNotFoundPage() {
        assertThat(page("GET", "/u/AAAAAAAAAAAAAAAAAAAAAAAA", null).status()).isEqualTo(404);
        assertThat(page("POST", "/u/AAAAAAAAAAAAAAAAAAAAAAAA", "answer=match").status()).isEqualTo(404);
        assertThat(page("GET", "/u/short", null).status()).isEqualTo(404);
    }

    private String technicianCode(String responseUrl) {
        return technicianCode(responseUrl, "they compare it with the one they received");
    }

    private String technicianCode(String responseUrl, String instruction) {
        String ephemeral = await().until(() -> fake.responses(responseUrl), r -> !r.isEmpty()).get(0);
        assertThat(ephemeral).contains("\"response_type\":\"ephemeral\"", instruction);
        var m = SPACED_CODE.matcher(ephemeral);
        assertThat(m.find()).as(ephemeral).isTrue();
        return m.group(1).replace(" ", "");
    }

    private static String linkPath(String sms) {
        var m = LINK.matcher(sms);
        assertThat(m.find()).as(sms).isTrue();
        return m.group().substring(DeliveryFakesForTests.PUBLIC_URL.length());
    }

    private Api.Response page(String method, String path, String form) {
        return api.send(method, path, form, form == null ? null : "application/x-www-form-urlencoded", null,
                Map.of("Accept", "text/html"));
    }

    private JsonNode pending(Fixtures.AppUser user, String verificationId) {
        var r = api.send("GET", "/api/v1/devices/" + user.deviceId() + "/challenges", null, null, user.deviceSecret(), Map.of());
        for (JsonNode c : r.json()) {
            if (c.path("verificationId").asText().equals(verificationId)) {
                return c;
            }
        }
        return null;
    }

    private Api.Response answer(Fixtures.AppUser user, String challengeId, String decision) {
        return api.send("POST", "/api/v1/challenges/" + challengeId + "/response",
                "{\"decision\":\"" + decision + "\"}", "application/json", user.deviceSecret(), Map.of());
    }
}
