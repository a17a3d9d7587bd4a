package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.CustomerPolicy;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.WriteMode;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a technician can type, and what they are told when it cannot be done. */
class SlackCommandTest extends SlackTestBase {

    private static final Pattern PICK_VALUE = Pattern.compile("\"action_id\":\"hv_pick\",[^{]*\\{[^}]*\\},\"value\":\"([^\"]+)\"");

    @Autowired
    DirectoryRepository repository;
    @Autowired
    DirectoryService directory;

    @Test
    void helpAndBadInputAnswerPrivatelyWithUsage() {
        String channel = channel();
        assertThat(answer(command("help", channel, "UHELP", "hal"))).contains("How to verify a caller", "--push-code");
        assertThat(answer(command("", channel, "UHELP", "hal"))).contains("How to verify a caller");
        assertThat(answer(command("bob@acme --fast", channel, "UHELP", "hal")))
                .contains("Unknown option --fast.", "That command was not understood");
        assertThat(answer(command("bob@acme --sms --email", channel, "UHELP", "hal"))).contains("Choose one method");
        assertThat(answer(command("bob", channel, "UHELP", "hal"))).contains("is not user@customer");
        assertThat(fake.calls("chat.postMessage", channel)).isEmpty();
    }

    @Test
    void onlyAdminsMaySyncADirectory() {
        String channel = channel();
        assertThat(answer(command("sync acme", channel, "UNOTADMIN", "nina")))
                .contains("Only admins can sync a directory", "slack:UNOTADMIN", "HELPDESK_ADMIN_USER_IDS");
        assertThat(fake.calls("chat.postMessage", channel)).isEmpty();
    }

    @Test
    void unknownUsersGetCloseMatchesAndUnknownCustomersTheirs() {
        String channel = channel();
        assertThat(answer(command("alcie@acme", channel, "UTYPO", "ty"))).contains("No end user 'alcie' at Acme Corporation",
                "Alice Anders — alice@acme");
        assertThat(answer(command("alice@acmee", channel, "UTYPO", "ty"))).contains("No customer 'acmee'", "Did you mean: acme?");
    }

    @Test
    void aDisabledUserIsRefusedClearly() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        assertThat(api.patch("/api/v1/customers/acme/end-users/" + user, "{\"enabled\":false}").status()).isEqualTo(200);
        String channel = channel();
        assertThat(answer(command(user + "@acme --sms", channel, "UDIS", "di")))
                .contains("is disabled in the directory", "Disabled accounts cannot be verified");
        assertThat(fake.calls("chat.postMessage", channel)).isEmpty();
    }

    @Test
    void severalMatchesGiveAPickerThenTheMethodsTheUserCanReceive() {
        String name = "Jordan " + Fixtures.unique("lee");
        for (int i = 0; i < 2; i++) {
            String u = Fixtures.unique("jl");
            var r = api.post("/api/v1/customers/acme/end-users", """
                    {"username":"%s","displayName":"%s","email":"%s@acme.example","mobile":"+12025550177"}"""
                    .formatted(u, name, u));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        String channel = channel();
        String picker = answer(command(name + "@acme", channel, "UPICK", "pia"));
        assertThat(picker).contains("Several users of Acme Corporation match");
        var m = PICK_VALUE.matcher(picker);
        assertThat(m.find()).as(picker).isTrue();

        String methods = answer(pick(m.group(1), channel, "UPICK", "pia"));
        assertThat(methods).contains("How should " + name + " be verified?", "SMS code", "Email code")
                .doesNotContain("Push");
        var sms = Pattern.compile("\"value\":\"(verify [^\"]+--sms)\"").matcher(methods);
        assertThat(sms.find()).as(methods).isTrue();

        pick(sms.group(1), channel, "UPICK", "pia");
        assertThat(awaitCard(channel).blocks()).contains("SMS code", name);
    }

    @Test
    void eventsAreShownToTheCallerOnly() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        command(user + "@acme --sms", channel, "UEVT", "eve");
        click("hv_cancel", verificationId(awaitCard(channel)), awaitCard(channel), "UEVT", "eve");
        awaitUpdate(channel, "*Cancelled*");

        String list = answer(command("events " + user + "@acme", channel, "UEVT", "eve"));
        assertThat(list).contains("\"response_type\":\"ephemeral\"", "VERIFICATION_REQUESTED", "CANCELLED", "by eve")
                .doesNotContain("+12025550188");
    }

    @Test
    void aCardThatCannotBePostedCancelsTheVerificationAndSaysWhatToDo() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        fake.notInChannel(channel);

        String answer = answer(command(user + "@acme --sms", channel, "UNOCH", "noah"));

        assertThat(answer).contains("Verification cancelled", "/invite");
        await().untilAsserted(() -> assertThat(api.get("/api/v1/events?customer=acme&user=" + user + "&limit=10").json()
                .get(0).get("type").asText()).isEqualTo("CANCELLED"));
    }

    @Test
    void aVerificationNobodyAnswersExpiresOnTheCardAndInTheAuditThread() {
        String slug = Fixtures.unique("fast");
        // The shortest countdown a customer may have; the test waits it out for real.
        var policy = new CustomerPolicy(Optional.of(30), Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
        repository.saveCustomer(new Customer(slug, "Fast Co", List.of(), "US", policy), WriteMode.CREATE);
        directory.createEndUser(slug, "sam", "Sam Swift", Optional.of("sam@fast.example"), Optional.empty(), true,
                EndUser.Source.MANUAL);
        String channel = channel();

        command("sam@" + slug, channel, "UTIME", "tim");

        String id = verificationId(awaitCard(channel));
        var expired = await().atMost(Duration.ofSeconds(45)).until(() -> updates(channel).stream()
                .filter(c -> c.blocks().contains("*Expired*")).findFirst(), Optional::isPresent).get();
        assertThat(expired.blocks()).doesNotContain("hv_approve", "hv_cancel");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fake.calls("chat.postMessage", channel))
                .anySatisfy(c -> assertThat(c.text()).startsWith("*Expired*")));
        await().untilAsserted(() -> assertThat(eventTypes(id)).endsWith("EXPIRED"));
    }

    @Test
    void a429OnAnUpdateIsHonouredAndNeverShownToAnyone() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        fake.rateLimitUpdates(channel, 1);

        String responseUrl = command(user + "@acme --sms", channel, "URATE", "rae");
        var card = awaitCard(channel);

        // The first update met the 429; the card still reaches "waiting for the technician" after Retry-After.
        var waiting = awaitUpdate(channel, "hv_approve");
        var limited = updates(channel).stream().filter(c -> c.status() == 429).findFirst();
        assertThat(limited).isPresent();
        assertThat(Duration.between(limited.get().at(), waiting.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(String.join("", fake.responses(responseUrl))).doesNotContainIgnoringCase("rate");
        assertThat(verificationId(card)).isNotBlank();
    }

    @Test
    void a429OnTheCardsPostIsWaitedOutAndTheCardStillArrivesOnce() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        fake.rateLimit("chat.postMessage", channel, 1);

        String responseUrl = command(user + "@acme --sms", channel, "UPOST", "pam");
        var card = await().atMost(Duration.ofSeconds(10)).until(() -> fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.status() == 200 && c.blocks().contains("hv_header")).findFirst(), Optional::isPresent).get();

        var limited = fake.calls("chat.postMessage", channel).stream().filter(c -> c.status() == 429).findFirst();
        assertThat(limited).as("the first post met the 429").isPresent();
        assertThat(Duration.between(limited.get().at(), card.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.status() == 200 && c.blocks().contains("hv_header"))).hasSize(1);
        assertThat(String.join("", fake.responses(responseUrl))).doesNotContainIgnoringCase("rate");
    }

    private String answer(String responseUrl) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> fake.responses(responseUrl), r -> !r.isEmpty()).get(0);
    }

    private String pick(String value, String channel, String userId, String userName) {
        String responseUrl = fake.responseUrl();
        var response = slack.send(SlackRequests.blockAction("hv_pick", value, channel, "1.1", userId, userName, responseUrl));
        assertThat(response.statusCode()).isEqualTo(200);
        return responseUrl;
    }
}
