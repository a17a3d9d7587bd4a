package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.support.AccessFixtures;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may verify whom, on Slack, in the default open mode: a customer with a policy is restricted to
 * it; a Slack Connect guest is refused everywhere; refusals are recorded, and a refused technician
 * learns nothing about customers they may not verify.
 */
class SlackAccessTest extends SlackTestBase {

    AccessFixtures access;

    @BeforeEach
    void fixtures() {
        access = new AccessFixtures(api);
    }

    @Test
    void aListedTechnicianStartsAndDecidesAndAnUnlistedOneIsToldNothing() {
        String slug = access.customerWithUser();
        access.policy(slug, """
                {"slack":[{"workspace":"%s","users":["UALLOWED1"]}]}""".formatted(FakeSlack.TEAM));
        String channel = channel();

        // Listed: starts, and decides.
        command("bob@" + slug + " --sms", channel, "UALLOWED1", "al");
        var card = awaitCard(channel);
        String id = verificationId(card);

        // Not listed, same workspace: exactly the answer a customer that does not exist gets.
        String refused = answer(command("bob@" + slug + " --sms", channel, "UNOTLISTED1", "nol"));
        String missing = answer(command("bob@nosuch" + slug.substring(4) + " --sms", channel, "UNOTLISTED1", "nol"));
        assertThat(refused).contains("No customer '" + slug + "'").doesNotContain("Bob", "Customer " + slug);
        assertThat(refused.replace(slug, "X")).isEqualTo(missing.replace("nosuch" + slug.substring(4), "X"));
        // No suggestion names it either, while the listed technician gets it suggested.
        assertThat(suggestions(answer(command("bob@" + slug + "x", channel, "UNOTLISTED1", "nol")))).doesNotContain(slug);
        assertThat(suggestions(answer(command("bob@" + slug + "x", channel, "UALLOWED1", "al")))).contains(slug);
        // Nor does /verify events, nor a picker's value typed by hand.
        assertThat(answer(command("events bob@" + slug, channel, "UNOTLISTED1", "nol")))
                .contains("No customer '" + slug + "'").doesNotContain("VERIFICATION_REQUESTED");
        assertThat(answer(command("verify =bob@" + slug + " --sms", channel, "UNOTLISTED1", "nol")))
                .contains("No customer '" + slug + "'");
        assertThat(fake.calls("chat.postMessage", channel).stream().filter(c -> c.blocks().contains("hv_header")))
                .hasSize(1);

        // The unlisted technician's clicks on the listed one's card are refused and recorded.
        String click = click("hv_cancel", id, card, "UNOTLISTED1", "nol");
        assertThat(answer(click)).contains("You may not verify this customer");
        assertThat(fake.responses(click).get(0)).doesNotContain("Bob");

        var refusals = access.refusals("slack:UNOTLISTED1");
        assertThat(refusals).extracting(e -> e.path("customer").asText()).containsOnly(slug);
        assertThat(refusals).anySatisfy(e -> assertThat(e.path("verificationId").asText()).isEqualTo(id));
        assertThat(refusals).anySatisfy(e -> assertThat(e.path("reason").asText())
                .contains("verify", "not in the customer's access policy"));

        click("hv_cancel", id, card, "UALLOWED1", "al");
        awaitUpdate(channel, "Cancelled");
        await().untilAsserted(() -> assertThat(eventTypes(id)).containsExactlyInAnyOrder("VERIFICATION_REQUESTED",
                "CHALLENGE_SENT", "UNAUTHORIZED_ACTION", "CANCELLED"));
    }

    @Test
    void aSlackConnectGuestIsRefusedEverythingEvenOnACustomerWithoutPolicy() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();

        String responseUrl = fake.responseUrl();
        slack.send(SlackRequests.slashCommandFromGuest("TGUEST01", user + "@acme --sms", channel, "UGUEST1", "guest",
                responseUrl));
        String said = answer(responseUrl);
        assertThat(said).contains("only for the technicians of this workspace").doesNotContain("acme", "Acme", user);

        // The help desk's own technician starts one in the shared channel; the guest cannot touch it.
        command(user + "@acme --sms", channel, "UHOME1", "home");
        var card = awaitCard(channel);
        String id = verificationId(card);
        String click = fake.responseUrl();
        slack.send(SlackRequests.blockActionFromGuest("TGUEST01", "hv_approve", id, channel, card.answeredTs(),
                "UGUEST1", "guest", click));
        assertThat(answer(click)).contains("only for the technicians of this workspace");

        assertThat(fake.calls("chat.postMessage", channel).stream().filter(c -> c.blocks().contains("hv_header")))
                .hasSize(1);
        var refusals = access.refusals("slack:UGUEST1");
        assertThat(refusals).hasSize(2).allSatisfy(e -> assertThat(e.path("reason").asText())
                .contains("another Slack workspace", "TGUEST01"));
        assertThat(eventTypes(id)).contains("UNAUTHORIZED_ACTION").doesNotContain("TECHNICIAN_APPROVED");
    }

    @Test
    void membersOfAUserGroupTheSlackApiNamesMayVerify() {
        String slug = access.customerWithUser();
        String group = "SGRP" + slug.substring(5).toUpperCase(java.util.Locale.ROOT);
        fake.userGroup(group, "UGROUPIE1", "UGROUPIE2");
        access.policy(slug, """
                {"slack":[{"workspace":"%s","userGroups":["%s"]}]}""".formatted(FakeSlack.TEAM, group));
        String channel = channel();

        assertThat(answer(command("bob@" + slug + " --sms", channel, "UOUTSIDER1", "out")))
                .contains("No customer '" + slug + "'");
        command("bob@" + slug + " --sms", channel, "UGROUPIE1", "grp");
        awaitCard(channel);
        command("bob@" + slug + " --email", channel, "UGROUPIE2", "grp2");
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.calls("chat.postMessage", channel).stream()
                .filter(c -> c.blocks().contains("hv_header")).count() == 2);
        // The member list is cached: one lookup served all three commands.
        assertThat(fake.userGroupLookups(group)).isEqualTo(1);
    }

    @Test
    void refusedClicksAreRecordedFiveTimesThenAnsweredWithStop() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        String channel = channel();
        command(user + "@acme --sms", channel, "UOWNER1", "owner");
        var card = awaitCard(channel);
        String id = verificationId(card);

        var answers = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            // One at a time, so the order of the answers is the order of the clicks.
            answers.add(answer(click("hv_approve", id, card, "UPEST1", "pest")));
        }

        assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a).contains("Only owner"));
        assertThat(answers.subList(5, 8)).allSatisfy(a -> assertThat(a).contains("Stop"));
        assertThat(access.refusals("slack:UPEST1")).hasSize(5);
        assertThat(eventTypes(id).stream().filter("UNAUTHORIZED_ACTION"::equals)).hasSize(5);
        // Another person's refusals count on their own.
        assertThat(answer(click("hv_approve", id, card, "UPEST2", "pest2"))).contains("Only owner");
        // The owner is not throttled by them.
        click("hv_approve", id, card, "UOWNER1", "owner");
        awaitUpdate(channel, "*Verified*");
    }

    private String answer(String responseUrl) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> fake.responses(responseUrl), r -> !r.isEmpty()).get(0);
    }

    /** The slugs of "Did you mean: a, b?", none when there is no such line. */
    static List<String> suggestions(String answer) {
        var m = java.util.regex.Pattern.compile("Did you mean: ([^?]*)\\?").matcher(answer);
        return m.find() ? List.of(m.group(1).split(", ")) : List.of();
    }
}
