package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.cards.CardPhase;
import io.helpdeskverify.directory.InviteChannel;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.cards.PickerView;
import io.helpdeskverify.chat.RecordingChatPlatform.Call;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.chat.cards.CardViewMapper;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.verification.Platform;
import java.util.Optional;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link ChatFlow} on the real service and stores (a real Redis, no Spring context) and an
 * in-memory platform: what a technician is answered, what is posted, and who sees the code.
 */
@ExtendWith(RedisConnection.class)
class ChatFlowTest {

    final ChatWorld world;
    final RecordingChatPlatform slack;
    final Technician tina;

    ChatFlowTest(StringRedisTemplate redis) {
        world = new ChatWorld(redis);
        slack = world.slack;
        tina = world.slackTechnician("U0TINA", "Tina");
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void helpIsAnsweredPrivatelyAndStartsNothing() {
        world.flow.handle(world.slackRequest(tina, "help"));

        assertThat(slack.posted).isEmpty();
        assertThat(slack.told).singleElement().satisfies(t -> {
            assertThat(t.who()).isEqualTo(world.slackRequest(tina, "").requester());
            var notice = notice(t.message());
            assertThat(notice.title()).isEqualTo("How to verify a caller");
            assertThat(notice.tone()).isEqualTo(NoticeView.Tone.INFO);
            assertThat(notice.lines()).anySatisfy(l -> assertThat(l).startsWith("verify user@customer — "))
                    .anySatisfy(l -> assertThat(l).contains("--sms", "--email", "--match"));
        });
        assertThat(world.changes).isEmpty();
    }

    @Test
    void anUnknownCustomerIsAnsweredAsNotFound() {
        world.flow.handle(world.slackRequest(tina, "verify jdoe@no-such-customer"));

        assertThat(slack.posted).isEmpty();
        assertThat(slack.toldTo(tina.id())).singleElement().satisfies(m -> {
            var notice = notice(m);
            assertThat(notice.title()).isEqualTo("No customer 'no-such-customer'.");
            assertThat(notice.tone()).isEqualTo(NoticeView.Tone.WARNING);
            assertThat(notice.lines()).anySatisfy(l -> assertThat(l).contains("ask your MSP admin"));
        });
        assertThat(world.changes).as("nothing started").isEmpty();
    }

    @Test
    void enrolSendsTheAppLinkToTheDirectoryContactAndShowsItMasked() {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");
        world.userWithEmailOnly(acme, "jsmith");

        world.flow.handle(world.slackRequest(tina, "enrol jdoe@" + acme));
        world.flow.handle(world.slackRequest(tina, "verify enrol jsmith@" + acme));

        assertThat(world.invites).hasSize(2);
        assertThat(world.invites.get(0).via()).as("a mobile: SMS").isEqualTo(InviteChannel.SMS);
        assertThat(world.invites.get(0).invite().recipient().username()).isEqualTo("jdoe");
        assertThat(world.invites.get(0).invite().link()).startsWith("https://hv.example.com/app/#enrol=");
        assertThat(world.invites.get(1).via()).as("email only").isEqualTo(InviteChannel.EMAIL);
        assertThat(slack.toldTo(tina.id())).hasSize(2).first().satisfies(m -> {
            var notice = notice(m);
            assertThat(notice.title()).isEqualTo("Enrolment link sent to Jane jdoe.");
            assertThat(String.join(" ", notice.lines())).contains("By SMS to +1 ••• ••• ••88")
                    .doesNotContain("#enrol=");
        });
        assertThat(slack.posted).isEmpty();
        assertThat(world.changes).as("nothing started").isEmpty();
    }

    @Test
    void enrolByAChannelTheUserLacksIsRefusedAndSendsNothing() {
        String acme = world.customer();
        world.userWithEmailOnly(acme, "jsmith");

        world.flow.handle(world.slackRequest(tina, "enrol jsmith@" + acme + " --sms"));

        assertThat(world.invites).isEmpty();
        assertThat(slack.toldTo(tina.id())).singleElement().satisfies(m -> {
            assertThat(notice(m).tone()).isEqualTo(NoticeView.Tone.ERROR);
            assertThat(String.join(" ", notice(m).lines())).contains("no mobile number in the directory");
        });
    }

    @Test
    void severalPossibleMethodsAreOfferedInAPicker() {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");

        world.flow.handle(world.slackRequest(tina, "verify jdoe@" + acme));

        assertThat(slack.posted).isEmpty();
        assertThat(world.changes).as("nothing started before a method is chosen").isEmpty();
        assertThat(slack.toldTo(tina.id())).singleElement().satisfies(m -> {
            assertThat(m).isInstanceOf(PrivateMessage.Picker.class);
            PickerView picker = ((PrivateMessage.Picker) m).view();
            assertThat(picker.actionId()).isEqualTo(ChatFlow.PICK_ACTION);
            assertThat(picker.prompt()).isEqualTo("How should Jane jdoe be verified?");
            // Each choice is a command that goes through the same flow, naming the user exactly.
            assertThat(picker.options()).extracting(PickerView.Option::value)
                    .containsExactlyInAnyOrder("verify =jdoe@" + acme + " --sms", "verify =jdoe@" + acme + " --email");
        });
    }

    @Test
    void anActiveDirectoryUserIsFoundByItsAccountNameAlsoInWindowsForm() {
        String acme = world.customer();
        // sAMAccountName jdoe, a UPN whose local part is something else.
        var imported = new io.helpdeskverify.directory.ExternalDirectory(world.repository, world.directory, world.clock)
                .apply(world.directory.customer(acme), new io.helpdeskverify.directory.AgentBatch.User(
                        "3f2504e0-4f89-41d3-9a0c-0305e82c3301", Optional.of("JDoe"), Optional.of("john.doe@corp.local"),
                        Optional.of("John Doe"), Optional.of("john.doe@corp.example"), Optional.of("+12025550101"), true,
                        Optional.empty())
                        .toExternalUser());
        assertThat(imported).isInstanceOf(io.helpdeskverify.directory.ExternalResult.Added.class);

        for (String typed : java.util.List.of("jdoe@" + acme, "CORP\\jdoe@" + acme, acme.toUpperCase() + "\\JDOE")) {
            slack.told.clear();
            world.flow.handle(world.slackRequest(tina, "verify " + typed));

            assertThat(slack.toldTo(tina.id())).as(typed).singleElement().satisfies(m -> {
                assertThat(m).isInstanceOf(PrivateMessage.Picker.class);
                assertThat(((PrivateMessage.Picker) m).view().prompt()).isEqualTo("How should John Doe be verified?");
            });
        }
        assertThat(world.changes).as("nothing started before a method is chosen").isEmpty();
    }

    @Test
    void theOnlyPossibleMethodStartsWithoutAPicker() {
        String acme = world.customer();
        world.userWithEmailOnly(acme, "jsmith");

        world.flow.handle(world.slackRequest(tina, "verify jsmith@" + acme));

        assertThat(slack.posted).singleElement()
                .satisfies(p -> assertThat(p.card().methodLabel()).isEqualTo(Method.EMAIL_CODE.label()));
        assertThat(slack.toldTo(tina.id())).singleElement().isInstanceOf(PrivateMessage.Code.class);
    }

    @Test
    void verifyMeToStartsAReverseCheckOnTheLadderWithNoPickerAndTheCodeToReadOut() {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");

        world.flow.handle(world.slackRequest(tina, "verify me to jdoe@" + acme));

        var v = world.changes.get(0).verification();
        assertThat(v.reverse()).isTrue();
        assertThat(v.method()).as("no app: the ladder's SMS, with a code").isEqualTo(Method.SMS_CODE);
        assertThat(slack.posted).singleElement().satisfies(p -> {
            assertThat(p.card().methodLabel()).isEqualTo("Reverse check (the user checks you): SMS");
            assertThat(p.card().actions()).doesNotContain(io.helpdeskverify.cards.CardAction.APPROVE);
        });
        assertThat(slack.toldTo(tina.id())).singleElement().satisfies(m -> assertThat(((PrivateMessage.Code) m).instruction())
                .isEqualTo(io.helpdeskverify.cards.CodeInstruction.READ_OUT_FOR_USER_TO_CHECK));
        assertThat(world.verifications.decide(v.id(), tina, true)).isInstanceOf(io.helpdeskverify.verification.ActionResult.Refused.class);
    }

    @Test
    void verifyMeToSomeoneUnknownSaysSoAndStartsNothing() {
        String acme = world.customer();

        world.flow.handle(world.slackRequest(tina, "verify me to nobody@" + acme));

        assertThat(world.changes).isEmpty();
        assertThat(slack.posted).isEmpty();
        assertThat(slack.toldTo(tina.id())).singleElement().isInstanceOf(PrivateMessage.Notice.class);
    }

    @Test
    void aStartedVerificationPostsOneCardAndTheCodeGoesToTheRequesterOnly() {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");

        world.flow.handle(world.slackRequest(tina, "verify jdoe@" + acme + " --sms"));

        var started = world.changes.get(0);
        var v = started.verification();
        assertThat(v.state()).isEqualTo(State.PENDING);
        assertThat(v.method()).isEqualTo(Method.SMS_CODE);
        String code = started.newCode().orElseThrow();
        assertThat(code).matches("\\d{6}");

        assertThat(slack.posted).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(world.slackChannel());
            assertThat(p.card().verificationId()).isEqualTo(v.id());
            assertThat(p.card().customerSlug()).isEqualTo(acme);
            assertThat(p.card().endUserUsername()).isEqualTo("jdoe");
            assertThat(p.card().technicianName()).isEqualTo("Tina");
            assertThat(p.card().phase()).isEqualTo(CardPhase.SENDING);
            assertThat(p.card().maskedContacts()).noneMatch(c -> c.contains("5550188") || c.contains("jdoe@"));
        });
        // The code: one private message, to the technician who asked, on the request's reply handle.
        assertThat(slack.told).singleElement().satisfies(t -> {
            assertThat(t.who().userId()).isEqualTo(tina.id());
            assertThat(t.who().replyUrl()).contains("https://hooks.slack.test/commands/" + tina.id());
            var message = (PrivateMessage.Code) t.message();
            assertThat(message.code()).isEqualTo(code);
            assertThat(message.instruction()).isEqualTo(CardViewMapper.instruction(Method.SMS_CODE));
            assertThat(message.toString()).doesNotContain(code);
        });
        assertThat(slack.posted.get(0).card().toString()).as("the card everyone sees has no code").doesNotContain(code);
        // Where the card is, for any instance that later updates it.
        assertThat(world.bindings.cards(v.id())).containsExactly(slack.posted.get(0).ref());
        assertThat(world.bindings.technician(v.id())).hasValueSatisfying(r -> assertThat(r.userId()).isEqualTo(tina.id()));
    }

    @Test
    void onTeamsTheCodeWaitsForThePersonalViewInsteadOfAMessage() {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");
        var tom = new Technician(Platform.TEAMS, "aad-tom", "Tom");
        var chat = new ConversationRef(Platform.TEAMS,
                "tenant-1", "19:" + world.channel + "@thread.v2", "https://smba.test/emea/");
        var context = TechnicianContext.teams(Optional.of("tenant-1"),
                Optional.of("tenant-1"), tom.id(), "", "");
        var request = new ChatRequest(tom, new Recipient(chat, "29:tom",
                Optional.empty()), "verify jdoe@" + acme + " --sms", context);

        world.flow.handle(request);

        assertThat(world.teams.posted).hasSize(1);
        assertThat(world.teams.told).as("no code message on a PERSONAL_VIEW platform").isEmpty();
        var v = world.changes.get(0).verification();
        assertThat(world.cards.codes().personalView(v, tom, context)).hasValueSatisfying(view ->
                assertThat(view.code()).isEqualTo(world.changes.get(0).newCode()));
        var someoneElse = new Technician(Platform.TEAMS, "aad-other", "Other");
        assertThat(world.cards.codes().personalView(v, someoneElse, context)).isEmpty();
    }

    @Test
    void aCardThatCannotBePostedCancelsTheVerificationAndSaysWhatToDo() {
        String acme = world.customer();
        world.userWithMobileAndEmail(acme, "jdoe");
        slack.failing(Call.POST_CARD, "not_in_channel", "Invite the app to this channel: /invite @Helpdesk Verify");

        world.flow.handle(world.slackRequest(tina, "verify jdoe@" + acme + " --sms"));

        String id = world.changes.get(0).verification().id();
        assertThat(world.verifications.find(id)).hasValueSatisfying(v -> assertThat(v.state()).isEqualTo(State.CANCELLED));
        assertThat(slack.calls).contains(Call.POST_CARD);
        assertThat(slack.posted).isEmpty();
        assertThat(slack.toldTo(tina.id())).singleElement().satisfies(m -> {
            assertThat(m).as("no live code without a card").isNotInstanceOf(PrivateMessage.Code.class);
            var notice = notice(m);
            assertThat(notice.title()).isEqualTo("Verification cancelled: I could not post its card here.");
            assertThat(notice.lines()).containsExactly("Invite the app to this channel: /invite @Helpdesk Verify");
        });
    }

    static NoticeView notice(PrivateMessage message) {
        assertThat(message).isInstanceOf(PrivateMessage.Notice.class);
        return ((PrivateMessage.Notice) message).view();
    }
}
