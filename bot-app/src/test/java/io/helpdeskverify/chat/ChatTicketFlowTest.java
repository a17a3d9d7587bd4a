package io.helpdeskverify.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.helpdeskverify.chat.ChatFlowTest.notice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.cards.PickerView;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.directory.CustomerPolicy;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.psa.NoteWriter;
import io.helpdeskverify.psa.PsaConnections;
import io.helpdeskverify.psa.PodPages;
import io.helpdeskverify.psa.PsaFake;
import io.helpdeskverify.psa.PsaProvider;
import io.helpdeskverify.psa.autotask.AutotaskTickets;
import io.helpdeskverify.psa.connectwise.ConnectWiseTickets;
import io.helpdeskverify.support.RedisConnection;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.Technician;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@code verify ticket …} through the real {@link ChatFlow}, PSA workflow and note writer, on a
 * real Redis, with the adapters' HTTP clients against the ConnectWise and Autotask fakes: matched and
 * unmatched, the refusals, and the note after the end (once, with two writers, after an outage).
 */
@ExtendWith(RedisConnection.class)
class ChatTicketFlowTest {

    static final PsaFake fake = new PsaFake();

    final ChatWorld world;
    final RecordingChatPlatform slack;
    final Technician tina;
    final StringRedisTemplate redis;

    ChatTicketFlowTest(StringRedisTemplate redis) {
        this.redis = redis;
        fake.reset();
        world = new ChatWorld(redis, fake.properties());
        slack = world.slack;
        tina = world.slackTechnician("U0TINA", "Tina");
    }

    @AfterEach
    void close() {
        world.close();
    }

    @AfterAll
    static void stop() {
        fake.stop();
    }

    /** A customer mapped to a fresh ConnectWise company with ticket {@code ticket} whose contact is Arnie Bellini. */
    String connectWiseCustomer(String ticket, String contactId) {
        String slug = world.customer();
        String company = PsaFake.uniqueCompany();
        world.directory.setPsaCompanies(slug, Map.of("connectwise", List.of(company)));
        fake.connectWiseTicket(ticket, company, contactId);
        return slug;
    }

    String autotaskCustomer(String number, String id, String contactId) {
        String slug = world.customer();
        String company = PsaFake.uniqueCompany();
        world.directory.setPsaCompanies(slug, Map.of("autotask", List.of(company)));
        fake.autotaskTicket(number, id, company, contactId);
        return slug;
    }

    @Test
    void aMatchedConnectWiseContactIsVerifiedOnTheDirectorysContactsAndTheTicketGetsTheNote() throws Exception {
        String acme = connectWiseCustomer("70", "2");
        fake.connectWiseContact("2", c -> {});
        world.directory.createEndUser(acme, "arnie", "Arnie B.", Optional.of("arnie@yourcompany.com"), Optional.empty(),
                true, EndUser.Source.MANUAL);

        world.flow.handle(world.slackRequest(tina, "ticket cw 70"));

        var card = slack.posted.get(0).card();
        assertThat(card.endUserUsername()).isEqualTo("arnie");
        assertThat(card.warnings()).doesNotContain("Unmatched: contact details from the PSA");
        // The ticket's contactEmailAddress is someone else's: the technician is told, masked, which was used.
        assertThat(slack.toldTo(tina.id())).anySatisfy(m -> assertThat(notice(m).lines()).anySatisfy(l -> assertThat(l)
                .contains("g•••@wildeagle.com", "a•••@yourcompany.com", "the directory's contacts were used")));

        String id = card.verificationId();
        world.verifications.markSent(id, Channel.EMAIL, "sent");
        world.verifications.decide(id, tina, true);
        assertThat(world.notes.writeDue()).isEqualTo(1);

        fake.connectWise.verify(1, postRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/70/notes"))
                .withRequestBody(matchingJsonPath("$.internalAnalysisFlag", equalTo("true")))
                .withRequestBody(containing("Outcome: Verified"))
                .withRequestBody(containing("Matched: yes"))
                .withRequestBody(containing("Verification id: " + id))
                .withRequestBody(containing("a•••@yourcompany.com")));
        var body = fake.connectWise.findAll(postRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/70/notes")))
                .get(0).getBodyAsString();
        String code = world.changes.get(0).newCode().orElseThrow();
        assertThat(body).doesNotContain("arnie@yourcompany.com").doesNotContain(code);
        assertThat(types(acme, "arnie")).contains(EventType.PSA_NOTE_WRITTEN);
    }

    @Test
    void anUnmatchedAutotaskContactIsVerifiedOnThePsasDetailsAndTheCardAndEventsSaySo() {
        String acme = autotaskCustomer("T20240115.0031", "48301", "30684011");
        // The fixture's 555 number is no valid mobile (libphonenumber): an unmatched contact needs a real one.
        fake.autotaskContact("30684011", c -> c.put("mobilePhone", "(202) 555-0176"));

        world.flow.handle(world.slackRequest(tina, "verify ticket T20240115.0031"));

        assertThat(slack.posted).as("two methods: a picker first").isEmpty();
        var picker = ((PrivateMessage.Picker) slack.toldTo(tina.id()).get(0)).view();
        assertThat(picker.options()).extracting(PickerView.Option::value)
                .contains("verify ticket autotask T20240115.0031 --sms", "verify ticket autotask T20240115.0031 --email");

        world.flow.handle(world.slackRequest(tina, "verify ticket autotask T20240115.0031 --sms"));

        var card = slack.posted.get(0).card();
        assertThat(card.endUserDisplayName()).isEqualTo("Dana Lee");
        assertThat(card.warnings()).contains("Unmatched: contact details from the PSA");
        assertThat(card.maskedContacts()).anySatisfy(c -> assertThat(c).endsWith("76")).noneMatch(c -> c.contains("0176"));
        String user = EndUser.adHocUsername("autotask", "30684011");
        assertThat(card.endUserUsername()).isEqualTo(user);
        assertThat(world.repository.endUsers(acme)).as("not in the directory").isEmpty();
        assertThat(world.events.query(EventQuery.latestFor(acme, user, 20)))
                .filteredOn(e -> e.type() == EventType.VERIFICATION_REQUESTED).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("unmatched: contact details from the PSA"));

        world.verifications.cancel(card.verificationId(), tina);
        assertThat(world.notes.writeDue()).isEqualTo(1);
        fake.autotask.verify(1, postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Tickets/48301/Notes"))
                .withRequestBody(matchingJsonPath("$.publish", equalTo(String.valueOf(PsaFake.AT_INTERNAL_PUBLISH))))
                .withRequestBody(containing("Outcome: Cancelled"))
                .withRequestBody(containing("Matched: no, contact details from the PSA")));
    }

    @Test
    void anInactiveContactAnUnmappedCompanyAndAForbiddingPolicyAreRefusedWithWhatToFix() {
        String acme = connectWiseCustomer("71", "3");
        fake.connectWiseContact("3", c -> c.put("inactiveFlag", true));
        world.flow.handle(world.slackRequest(tina, "ticket cw 71"));
        assertThat(notice(slack.toldTo(tina.id()).get(0)).title()).isEqualTo("Arnie Bellini is inactive in ConnectWise Manage.");

        fake.connectWiseTicket("72", PsaFake.uniqueCompany(), "2");
        world.flow.handle(world.slackRequest(tina, "ticket cw 72"));
        assertThat(notice(slack.toldTo(tina.id()).get(1)).title()).contains("mapped to no customer");
        assertThat(notice(slack.toldTo(tina.id()).get(1)).lines()).anySatisfy(l -> assertThat(l).contains("psaCompanies"));

        String strict = connectWiseCustomer("73", "4");
        fake.connectWiseContact("4", c -> {});
        world.directory.updateCustomer(strict, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new CustomerPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Set.of(), Optional.of(false))));
        world.flow.handle(world.slackRequest(tina, "ticket cw 73"));
        assertThat(notice(slack.toldTo(tina.id()).get(2)).title()).contains("policy forbids");

        assertThat(slack.posted).isEmpty();
        assertThat(world.changes).as("nothing started").isEmpty();
        assertThat(acme).isNotBlank();
    }

    @Test
    void livelinkTellsTheTechnicianAOneTimeCodeThatOpensTheTicketPageAsThemOnce() {
        autotaskCustomer("T20240115.0035", "48305", "30684015");
        fake.autotaskContact("30684015", c -> {});
        world.flow.handle(world.slackRequest(tina, "verify livelink"));

        var told = notice(slack.toldTo(tina.id()).get(0));
        assertThat(told.title()).startsWith("Your LiveLink code: ");
        assertThat(slack.posted).isEmpty();
        String code = told.title().substring("Your LiveLink code: ".length());

        var opened = world.pods.openWithCode(PsaProvider.AUTOTASK, "T20240115.0035", code);
        assertThat(opened).isInstanceOfSatisfying(PodPages.Opened.Session.class, s -> {
            assertThat(s.session().technician().isSamePersonAs(tina)).isTrue();
            assertThat(s.ticket().contact()).isEqualTo("Dana Lee");
        });
        assertThat(world.pods.openWithCode(PsaProvider.AUTOTASK, "T20240115.0035", code))
                .isInstanceOf(PodPages.Opened.Denied.class);
    }

    @Test
    void aRefusedUnmatchedStartKeepsNoContactDetailsAndOwesNoNote() {
        String acme = autotaskCustomer("T20240115.0034", "48304", "30684014");
        fake.autotaskContact("30684014", c -> c.putNull("mobilePhone"));
        // SMS only, and the PSA has no usable mobile: the start is refused.
        world.directory.updateCustomer(acme, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new CustomerPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Set.of("SMS_CODE"), Optional.empty())));

        world.flow.handle(world.slackRequest(tina, "verify ticket T20240115.0034 --sms"));

        assertThat(notice(slack.toldTo(tina.id()).get(0)).title()).isEqualTo("That method is not possible for this user.");
        assertThat(world.repository.endUser(acme, EndUser.adHocUsername("autotask", "30684014"))).isEmpty();
        assertThat(world.changes).isEmpty();
        assertThat(world.notes.writeDue()).isZero();
    }

    @Test
    void aNoteDueWhileThePsaIsDownIsWrittenOnceAfterRecoveryByTwoRacingWriters() throws Exception {
        autotaskCustomer("T20240115.0032", "48302", "30684012");
        fake.autotaskContact("30684012", c -> {});
        world.flow.handle(world.slackRequest(tina, "verify ticket T20240115.0032 --email"));
        String id = slack.posted.get(0).card().verificationId();
        // Two tries of three HTTP calls each fail; the third try (the last allowed) gets through.
        PsaFake.failFirst(fake.autotask, () -> post(urlPathEqualTo(PsaFake.AT_API + "/Tickets/48302/Notes")), 6, 503, null);
        world.verifications.cancel(id, tina);

        var props = fake.properties();
        var json = new ObjectMapper();
        var other = new NoteWriter(world.noteOutbox, new PsaConnections(List.of(new ConnectWiseTickets(props, json),
                new AutotaskTickets(props, json, world.clock,
                        io.helpdeskverify.psa.store.PsaStoresForTests.callCounter(world.redis, world.clock))), world.clock), world.verifications, world.events,
                List.of(), props, world.clock);
        var route = postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Tickets/48302/Notes"));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            race(world.notes, other);
            world.clock.advance(Duration.ofSeconds(2));
            return fake.autotask.findAll(route).size() >= 7;
        });
        race(world.notes, other);
        world.clock.advance(Duration.ofMinutes(5));
        race(world.notes, other);

        assertThat(fake.autotask.findAll(route)).hasSize(7);
        String user = EndUser.adHocUsername("autotask", "30684012");
        String customer = world.verifications.find(id).orElseThrow().customer();
        assertThat(types(customer, user)).filteredOn(t -> t == EventType.PSA_NOTE_WRITTEN).hasSize(1);
        assertThat(types(customer, user)).doesNotContain(EventType.PSA_NOTE_FAILED);
    }

    @Test
    void aNoteThatCannotBeWrittenIsAnEventAndAMessageToTheTechnician() {
        autotaskCustomer("T20240115.0033", "48303", "30684013");
        fake.autotaskContact("30684013", c -> {});
        world.flow.handle(world.slackRequest(tina, "verify ticket T20240115.0033 --email"));
        String id = slack.posted.get(0).card().verificationId();
        PsaFake.failFirst(fake.autotask, () -> post(urlPathEqualTo(PsaFake.AT_API + "/Tickets/48303/Notes")), 100, 500, null);
        world.verifications.cancel(id, tina);

        String user = EndUser.adHocUsername("autotask", "30684013");
        String customer = world.verifications.find(id).orElseThrow().customer();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            world.notes.writeDue();
            world.clock.advance(Duration.ofSeconds(2));
            return types(customer, user).contains(EventType.PSA_NOTE_FAILED);
        });
        assertThat(slack.toldTo(tina.id())).anySatisfy(m -> assertThat(notice(m).title())
                .isEqualTo("The outcome of your verification is not on Datto Autotask ticket T20240115.0033."));
        assertThat(fake.autotask.findAll(postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Tickets/48303/Notes"))))
                .as("three tries of three calls, then given up").hasSize(9);
    }

    /* Both writers at once, as two instances on one Redis. */
    private static void race(NoteWriter a, NoteWriter b) throws Exception {
        var barrier = new CyclicBarrier(2);
        var fa = CompletableFuture.runAsync(() -> awaitThen(barrier, a));
        var fb = CompletableFuture.runAsync(() -> awaitThen(barrier, b));
        fa.get();
        fb.get();
    }

    private static void awaitThen(CyclicBarrier barrier, NoteWriter w) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        w.sweepWaiting();
        w.writeDue();
    }

    private List<EventType> types(String customer, String user) {
        return world.events.query(EventQuery.latestFor(customer, user, 50)).stream().map(AuditEvent::type).toList();
    }
}
