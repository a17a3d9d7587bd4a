package io.helpdeskverify.chat.teams;

import static io.helpdeskverify.chat.teams.TeamsFlowSupport.postedTo;
import static io.helpdeskverify.chat.teams.TeamsFlowSupport.spaced;
import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verbs;
import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verificationId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.chat.teams.FakeBotConnector.Call;
import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import io.helpdeskverify.support.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Teams end to end: activities posted to {@code /api/messages} (anonymous, as in the local
 * profile), the fake Bot Connector as {@code serviceUrl}, the real flow, Redis and outbox behind.
 */
class TeamsVerificationFlowTest extends TeamsTestBase {

    private static final String ALICE_SECRET = "demo-alice-device-secret-local-only";

    final Member tech = Member.random("Tina Tech");
    final Member intruder = Member.random("Ivan Other");

    @Test
    void alicePushWithCodeInAChannelEndsVerifiedByTheTechnicianWithTheAuditThread() {
        var channel = Conversation.channel();

        var accepted = teams.message(tech, channel, "verify alice@acme --push-code");
        assertThat(accepted.status()).isIn(200, 202);

        Call posted = t.awaitCardPosted(channel);
        String id = verificationId(posted);
        assertThat(posted.card().path("refresh").path("userIds").get(0).asText()).isEqualTo(tech.id());
        assertThat(posted.card().toString()).doesNotContain("hv_approve").contains("Push + code");

        // The technician's client refreshes: the code and Cancel, no Approve before the user approved.
        JsonNode mine = t.invokeCard(teams.action(tech, channel, "refresh", id));
        // The push carries the code the user will read back; the outbox stands in for the phone.
        String code = t.outboxCode(id);
        assertThat(mine.toString()).contains(spaced(code));
        assertThat(verbs(mine)).containsExactly("hv_cancel");
        // Anybody else who refreshes sees the status only.
        JsonNode theirs = t.invokeCard(teams.action(intruder, channel, "refresh", id));
        assertThat(theirs.toString()).doesNotContain(spaced(code));
        assertThat(verbs(theirs)).isEmpty();

        t.approveInApp(ALICE_SECRET, "demo-alice-phone", id);
        t.awaitState(id, "USER_APPROVED");
        t.awaitUpdateSaying(channel, "Approved ✓");

        mine = t.invokeCard(teams.action(tech, channel, "refresh", id));
        assertThat(verbs(mine)).containsExactlyInAnyOrder("hv_approve", "hv_deny", "hv_cancel");
        assertThat(mine.toString()).contains(spaced(code));

        String refusal = t.invokeMessage(teams.action(intruder, channel, "hv_approve", id));
        assertThat(refusal).contains("Only Tina Tech");
        assertThat(t.state(id)).isEqualTo("USER_APPROVED");

        JsonNode after = t.invokeCard(teams.action(tech, channel, "hv_approve", id));
        assertThat(after.toString()).contains("Verified").doesNotContain(spaced(code));
        assertThat(t.state(id)).isEqualTo("APPROVED");

        Call update = t.awaitUpdateSaying(channel, "Verified");
        assertThat(update.path()).matches("/v3/conversations/" + java.util.regex.Pattern.quote(channel.id())
                + ";messageid=(\\d+)/activities/\\1");
        assertThat(update.card().has("refresh")).as("a final card needs no personal view").isFalse();

        Call root = t.awaitCall(c -> c.isNewConversation() && postedTo(c, channel)
                && c.text().startsWith("Identity verifications, "));
        Call reply = t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + channel.id() + ";messageid=")
                && c.card().toString().contains("Verified"));
        assertThat(reply.card().toString()).contains("Alice");
        assertThat(root.text()).matches("Identity verifications, \\d{4}-\\d{2}-\\d{2}");
        await().untilAsserted(() -> assertThat(t.eventTypes(id)).contains("UNAUTHORIZED_ACTION")
                .containsSubsequence("VERIFICATION_REQUESTED", "CHALLENGE_SENT", "USER_APPROVED", "TECHNICIAN_APPROVED", "VERIFIED"));
        // The refusal also reached the audit thread.
        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + channel.id() + ";messageid=")
                && c.card().toString().contains("Refused"));
        assertThat(t.calls(c -> c.toString().contains(code))).as("the code never travels to the channel").isEmpty();
    }

    @Test
    void verifyMeToSendsAliceTheCodeTheTechnicianSeesPrivatelyAndHerMatchVerifies() {
        var chat = Conversation.groupChat();

        teams.message(tech, chat, "verify me to alice@acme");

        Call posted = t.awaitCardPosted(chat);
        String id = verificationId(posted);
        assertThat(posted.card().toString()).contains("Reverse check (the user checks you): app").doesNotContain("hv_approve");
        String code = t.outboxCode(id);
        t.awaitState(id, "SENT");
        // Only the technician's personal view holds the code, with what to do with it; nobody can approve.
        JsonNode mine = t.invokeCard(teams.action(tech, chat, "refresh", id));
        assertThat(mine.toString()).contains(spaced(code)).contains("they compare it with the one they received");
        assertThat(verbs(mine)).containsExactly("hv_cancel");
        assertThat(t.invokeCard(teams.action(intruder, chat, "refresh", id)).toString()).doesNotContain(spaced(code));
        assertThat(teams.action(tech, chat, "hv_approve", id).status()).isEqualTo(200);
        assertThat(t.state(id)).as("the technician cannot decide a reverse check").isEqualTo("SENT");

        var r = t.answerInApp(ALICE_SECRET, "demo-alice-phone", id, "match");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(t.state(id)).isEqualTo("VERIFIED");
        t.awaitUpdateSaying(chat, "Codes match");
        await().untilAsserted(() -> assertThat(t.eventTypes(id)).containsSubsequence("VERIFICATION_REQUESTED",
                "CHALLENGE_SENT", "USER_APPROVED", "VERIFIED"));
        assertThat(t.calls(c -> c.toString().contains(code))).as("the code never travels to the chat").isEmpty();
    }

    @Test
    void smsCodeInAGroupChatIsApprovedAfterTheReadBack() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        var chat = Conversation.groupChat();

        teams.message(tech, chat, "verify " + user + "@acme --sms");

        String id = verificationId(t.awaitCardPosted(chat));
        String code = t.outboxCode(id);
        t.awaitState(id, "SENT");
        JsonNode mine = t.invokeCard(teams.action(tech, chat, "refresh", id));
        assertThat(mine.toString()).contains(spaced(code)).contains("+1 ••• ••• ••88");
        assertThat(verbs(mine)).containsExactlyInAnyOrder("hv_approve", "hv_deny", "hv_cancel");

        t.invokeCard(teams.action(tech, chat, "hv_approve", id));

        assertThat(t.state(id)).isEqualTo("APPROVED");
        t.awaitUpdateSaying(chat, "Verified");
        // In a chat the audit "thread" is a root message and replies to it.
        t.awaitCall(c -> c.isSend() && c.path().matches("/v3/conversations/" + java.util.regex.Pattern.quote(chat.id())
                + "/activities/\\d+") && c.card().toString().contains("Verified"));
    }

    @Test
    void emailCodeDeniedInThePersonalChatEndsUnableToVerify() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        var personal = Conversation.personal();

        teams.message(tech, personal, "verify " + user + "@acme --email");

        String id = verificationId(t.awaitCardPosted(personal));
        String code = t.outboxCode(id);
        t.awaitState(id, "SENT");
        assertThat(t.invokeCard(teams.action(tech, personal, "refresh", id)).toString()).contains(spaced(code));

        t.invokeCard(teams.action(tech, personal, "hv_deny", id));

        assertThat(t.state(id)).isEqualTo("DENIED");
        t.awaitUpdateSaying(personal, "Unable to verify");
        assertThat(t.eventTypes(id)).containsSubsequence("TECHNICIAN_DENIED", "UNABLE_TO_VERIFY");
    }

    @Test
    void plainPushIsVerifiedByTheUserAndTheCardFollows() {
        var user = new Fixtures(api).userWithApp();
        var channel = Conversation.channel();

        teams.message(tech, channel, "verify " + user.username() + "@acme --push");

        String id = verificationId(t.awaitCardPosted(channel));
        JsonNode mine = t.invokeCard(teams.action(tech, channel, "refresh", id));
        assertThat(verbs(mine)).containsExactly("hv_cancel");
        t.approveInApp(user.deviceSecret(), user.deviceId(), id);

        t.awaitState(id, "VERIFIED");
        t.awaitUpdateSaying(channel, "Verified");
        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + channel.id() + ";messageid=")
                && c.card().toString().contains("Verified"));
    }

    @Test
    void theTechnicianCancelsAndAnotherClickSaysAlreadyDecided() {
        var user = new Fixtures(api).userWithApp();
        var channel = Conversation.channel();
        teams.message(tech, channel, "verify " + user.username() + "@acme --push");
        String id = verificationId(t.awaitCardPosted(channel));

        t.invokeCard(teams.action(tech, channel, "hv_cancel", id));
        assertThat(t.state(id)).isEqualTo("CANCELLED");

        assertThat(t.invokeMessage(teams.action(tech, channel, "hv_cancel", id))).startsWith("Already decided");
        t.awaitUpdateSaying(channel, "Cancelled");
    }

    @Test
    void aRepeatedInvokeIsAnsweredButDecidedOnceAndARepeatedMessagePostsOneCard() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        var chat = Conversation.groupChat();
        var message = teams.messageActivity(tech, chat, "verify " + user + "@acme --sms");
        teams.post(message);
        assertThat(teams.post(message).status()).isIn(200, 202);
        String id = verificationId(t.awaitCardPosted(chat));
        t.awaitState(id, "SENT");

        var approve = teams.actionActivity(tech, chat, "hv_approve", Map.of("verificationId", id));
        long started = System.nanoTime();
        JsonNode first = t.invokeCard(teams.post(approve));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("Teams waits 5 s for an invoke")
                .isLessThan(java.time.Duration.ofSeconds(5));
        JsonNode again = t.invokeCard(teams.post(approve));

        assertThat(first.toString()).contains("Verified");
        assertThat(again.toString()).contains("Verified");
        assertThat(t.eventTypes(id).stream().filter("TECHNICIAN_APPROVED"::equals)).hasSize(1);
        assertThat(t.eventTypes(id)).doesNotContain("UNAUTHORIZED_ACTION");
        assertThat(t.calls(c -> postedTo(c, chat) && c.card().path("refresh").has("action"))).hasSize(1);
    }

    @Test
    void withoutAMethodTheTechnicianPicksOneInTheirPersonalChatAndTheCardGoesToTheChannel() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        var channel = Conversation.channel();

        teams.message(tech, channel, "verify " + user + "@acme");

        Call chat = t.awaitCall(c -> c.isNewConversation() && !c.body().path("isGroup").asBoolean(true)
                && c.body().path("members").path(0).path("id").asText().equals(tech.id()));
        assertThat(chat.body().path("channelData").path("tenant").path("id").asText()).isEqualTo(TeamsClient.TENANT);
        Call picker = t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/a:personal-" + tech.id())
                && c.card().toString().contains("hv_pick"));
        JsonNode sms = null;
        for (JsonNode a : picker.card().path("actions")) {
            if (a.path("data").path("choice").asText().endsWith("--sms")) {
                sms = a.path("data");
            }
        }
        assertThat(sms).as(picker.card().toString()).isNotNull();

        var personal = new Conversation("a:personal-" + tech.id(), "personal");
        var pick = teams.actionActivity(tech, personal, "hv_pick", Map.of("choice", sms.path("choice").asText(),
                "origin", sms.path("origin").asText()));
        t.invokeCard(teams.post(pick));

        String id = verificationId(t.awaitCardPosted(channel));
        assertThat(t.awaitState(id, "SENT")).isEqualTo("SENT");
        assertThat(api.get("/api/v1/verifications/" + id).json().path("method").asText()).isEqualTo("SMS_CODE");
    }

    @Test
    void anUnknownUserIsToldPrivatelyWithCloseMatches() {
        var personal = Conversation.personal();

        teams.message(tech, personal, "verify alicee@acme");

        Call notice = t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + personal.id() + "/"));
        assertThat(notice.card().toString()).contains("No end user 'alicee'").contains("Alice");
    }

    @Test
    void helpAndEventsAnswerInThePersonalChat() {
        var personal = Conversation.personal();

        teams.message(tech, personal, "help");
        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + personal.id() + "/")
                && c.card().toString().contains("How to verify a caller"));

        teams.message(tech, personal, "events bob@acme");
        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + personal.id() + "/")
                && c.card().toString().contains("events of Bob"));
    }

    @Test
    void installedPersonallyTheBotGreetsWithTheUsage() {
        var personal = Conversation.personal();
        var update = teams.messageActivity(tech, personal, "");
        update.put("type", "conversationUpdate");
        update.remove("text");
        update.putArray("membersAdded").addObject().put("id", TeamsClient.BOT);

        assertThat(teams.post(update).status()).isIn(200, 202);

        t.awaitCall(c -> c.isSend() && c.path().startsWith("/v3/conversations/" + personal.id() + "/")
                && c.card().toString().contains("How to verify a caller"));
    }

    @Test
    void theMessageExtensionOpensADialogAndItsSubmissionPostsTheCard() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        var channel = Conversation.channel();

        var fetch = teams.post(teams.extensionActivity("composeExtension/fetchTask", tech, channel, Map.of()));
        assertThat(fetch.status()).as(fetch.body()).isEqualTo(200);
        JsonNode dialog = t.seen(fetch.json().path("task").path("value").path("card").path("content"));
        assertThat(dialog.toString()).contains("\"id\":\"user\"").contains("\"id\":\"customer\"").contains("\"id\":\"method\"");

        var incomplete = teams.post(teams.extensionActivity("composeExtension/submitAction", tech, channel,
                Map.of("user", "", "customer", "acme", "method", "sms")));
        JsonNode again = t.seen(incomplete.json().path("task").path("value").path("card").path("content"));
        assertThat(again.toString()).contains("Enter the end user");

        var submit = teams.post(teams.extensionActivity("composeExtension/submitAction", tech, channel,
                Map.of("user", user, "customer", "acme.example", "method", "email")));
        assertThat(submit.status()).isEqualTo(200);

        String id = verificationId(t.awaitCardPosted(channel));
        assertThat(api.get("/api/v1/verifications/" + id).json().path("method").asText()).isEqualTo("EMAIL_CODE");
    }

    @Test
    void somethingThatIsNotAnActivityIsA400NotA500() {
        var r = api.send("POST", "/api/messages", "{\"text\":\"hi\"}", "application/json", null, Map.of());
        assertThat(r.status()).isEqualTo(400);
        var invoke = teams.actionActivity(tech, Conversation.personal(), "hv_approve", Map.of());
        assertThat(t.invokeMessage(teams.post(invoke))).contains("missing its verification");
        assertThat(t.invokeMessage(teams.action(tech, Conversation.personal(), "hv_approve", "no-such-id")))
                .contains("no longer exists");
    }

    @Test
    void mentionsAndMarkupAreStrippedFromCommands() {
        var a = teams.messageActivity(tech, Conversation.personal(), "help");
        a.put("text", "<at>Helpdesk Verify</at>&nbsp;<p>help</p>");
        assertThat(TeamsActivities.commandText(new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .convertValue(a, com.microsoft.bot.schema.Activity.class))).isEqualTo("help");
    }
}
