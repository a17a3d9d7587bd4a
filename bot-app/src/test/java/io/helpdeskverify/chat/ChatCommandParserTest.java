package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.chat.ChatCommand.Events;
import io.helpdeskverify.directory.InviteChannel;
import io.helpdeskverify.chat.ChatCommand.Help;
import io.helpdeskverify.chat.ChatCommand.Verify;
import io.helpdeskverify.verification.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatCommandParserTest {

    private final ChatCommandParser parser = new ChatCommandParser();

    @ParameterizedTest
    @CsvSource({
            "jdoe@acme --push, PUSH",
            "jdoe@acme --push-code, PUSH_WITH_CODE",
            "jdoe@acme --SMS, SMS_CODE",
            "--email jdoe@acme, EMAIL_CODE",
            "verify jdoe@acme --match, VERIFIED_PUSH"})
    void flagsPreselectTheMethod(String text, Method method) {
        assertThat(parser.parse(text)).isEqualTo(new Verify(new ChatCommand.Target("jdoe", "acme"), Optional.of(method)));
    }

    @Test
    void targetsKeepEmailsAndDisplayNames() {
        assertThat(parser.parse("jdoe@acme.com@acme")).isEqualTo(
                new Verify(new ChatCommand.Target("jdoe@acme.com", "acme"), Optional.empty()));
        assertThat(parser.parse("  Jane   Doe@acme.com ")).isEqualTo(
                new Verify(new ChatCommand.Target("Jane Doe", "acme.com"), Optional.empty()));
        assertThat(parser.parse("events jdoe@acme")).isEqualTo(new Events(new ChatCommand.Target("jdoe", "acme")));
    }

    @Test
    void ticketNamesAPsaTicketWithOptionalPsaChoiceAndMethod() {
        assertThat(parser.parse("ticket 12345")).isEqualTo(new ChatCommand.VerifyTicket(Optional.empty(), "12345",
                Optional.empty(), Optional.empty()));
        assertThat(parser.parse("verify ticket at T20240115.0023 --sms")).isEqualTo(new ChatCommand.VerifyTicket(
                Optional.of(io.helpdeskverify.psa.PsaProvider.AUTOTASK), "T20240115.0023", Optional.empty(),
                Optional.of(Method.SMS_CODE)));
        assertThat(parser.parse("verify ticket connectwise 69 =Arnie")).isEqualTo(new ChatCommand.VerifyTicket(
                Optional.of(io.helpdeskverify.psa.PsaProvider.CONNECTWISE), "69", Optional.of("arnie"), Optional.empty()));
        // A user named "ticket" is still a user: the target has an @.
        assertThat(parser.parse("ticket@acme")).isEqualTo(new Verify(new ChatCommand.Target("ticket", "acme"),
                Optional.empty()));
        assertThat(parser.parse("verify ticket")).isInstanceOf(ChatCommand.Help.class);
        assertThat(parser.parse("ticket 1 2")).isInstanceOf(ChatCommand.Help.class);
    }

    @Test
    void livelinkAsksForALiveLinkCode() {
        assertThat(parser.parse("livelink")).isEqualTo(new ChatCommand.LiveLinkCode());
        assertThat(parser.parse("verify LiveLink")).isEqualTo(new ChatCommand.LiveLinkCode());
        // A user called livelink is still a user.
        assertThat(parser.parse("livelink@acme")).isInstanceOf(Verify.class);
    }

    @Test
    void enrolNamesTheUserAndOptionallyTheChannel() {
        var jdoe = new ChatCommand.Target("jdoe", "acme");
        assertThat(parser.parse("enrol jdoe@acme")).isEqualTo(new ChatCommand.Enrol(jdoe, Optional.empty()));
        assertThat(parser.parse("verify enrol jdoe@acme --email"))
                .isEqualTo(new ChatCommand.Enrol(jdoe, Optional.of(InviteChannel.EMAIL)));
        assertThat(parser.parse("enroll jdoe@acme --sms")).isEqualTo(new ChatCommand.Enrol(jdoe, Optional.of(InviteChannel.SMS)));
        assertThat(parser.parse("enrol")).isInstanceOf(Help.class);
        assertThat(parser.parse("enrol jdoe@acme --push")).isInstanceOf(Help.class);
        assertThat(parser.parse("enrol jdoe@acme --sms --email")).isInstanceOf(Help.class);
    }

    @Test
    void syncNamesOneCustomer() {
        assertThat(parser.parse("sync acme")).isEqualTo(new ChatCommand.Sync("acme"));
        assertThat(parser.parse("SYNC acme.com")).isEqualTo(new ChatCommand.Sync("acme.com"));
        assertThat(parser.parse("sync")).isInstanceOf(Help.class);
        assertThat(parser.parse("sync acme --push")).isInstanceOf(Help.class);
        assertThat(parser.parse("sync acme contoso")).isInstanceOf(Help.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "help", "HELP", "  "})
    void helpWithoutAProblem(String text) {
        assertThat(parser.parse(text)).isEqualTo(new Help(Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdoe@acme --fast", "jdoe@acme --sms --email", "jdoe", "@acme", "jdoe@", "verify",
            "events", "events jdoe@acme --sms", "--sms"})
    void badInputIsUsageHelpThatNamesTheProblem(String text) {
        var parsed = parser.parse(text);
        assertThat(parsed).isInstanceOf(Help.class);
        assertThat(((Help) parsed).problem()).isPresent();
    }

    @Test
    void aRepeatedFlagIsFineAndOverlongInputIsRefused() {
        assertThat(parser.parse("jdoe@acme --sms --sms")).isInstanceOf(Verify.class);
        assertThat(parser.parse("a".repeat(600) + "@acme")).isInstanceOf(Help.class);
    }

    @Test
    void verifyMeToIsTheReverseCheck() {
        var jdoe = new ChatCommand.Target("jdoe", "acme");
        assertThat(parser.parse("me to jdoe@acme")).isEqualTo(new ChatCommand.VerifyMe(jdoe));
        assertThat(parser.parse("verify me to jdoe@acme")).isEqualTo(new ChatCommand.VerifyMe(jdoe));
        assertThat(parser.parse("Verify ME TO  Jane Doe@acme.com")).isEqualTo(
                new ChatCommand.VerifyMe(new ChatCommand.Target("Jane Doe", "acme.com")));
        assertThat(parser.parse("verify me to jdoe@acme --sms")).isInstanceOf(Help.class);
        assertThat(parser.parse("verify me to jdoe")).isInstanceOf(Help.class);
        assertThat(parser.parse("verify me to")).isInstanceOf(Help.class);
        // Someone called "me" is still verified the usual way, and "events" never turns into a reverse check.
        assertThat(parser.parse("me@acme")).isEqualTo(new Verify(new ChatCommand.Target("me", "acme"), Optional.empty()));
        assertThat(parser.parse("events me to@acme")).isInstanceOf(Events.class);
    }
}
