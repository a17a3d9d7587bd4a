package io.helpdeskverify.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helpdeskverify.access.AccessControl;
import io.helpdeskverify.access.AccessMode;
import io.helpdeskverify.access.AccessRules;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.access.UserGroups;
import io.helpdeskverify.access.store.AccessStoresForTests;
import io.helpdeskverify.chat.cards.CardViewMapper;
import io.helpdeskverify.chat.cards.ChatCardsForTests;
import io.helpdeskverify.chat.core.AccessGuard;
import io.helpdeskverify.chat.core.AccessGuardsForTests;
import io.helpdeskverify.chat.core.AccessProperties;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.core.ChatProperties;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.chat.store.RefusedClicks;
import io.helpdeskverify.chat.store.SentCards;
import io.helpdeskverify.directory.ContactRisk;
import io.helpdeskverify.directory.CustomerPolicy;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.PhoneNumbers;
import io.helpdeskverify.psa.NoteWriter;
import io.helpdeskverify.psa.PsaConnections;
import io.helpdeskverify.psa.PsaProperties;
import io.helpdeskverify.psa.TicketNoteOutbox;
import io.helpdeskverify.psa.TicketVerifications;
import io.helpdeskverify.psa.autotask.AutotaskTickets;
import io.helpdeskverify.psa.connectwise.ConnectWiseTickets;
import io.helpdeskverify.psa.store.PsaStoresForTests;
import io.helpdeskverify.directory.Secrets;
import io.helpdeskverify.directory.SyncReport;
import io.helpdeskverify.directory.config.DirectoryProperties;
import io.helpdeskverify.directory.store.DirectoryStoresForTests;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.store.EventLogsForTests;
import io.helpdeskverify.events.store.EventChain;
import io.helpdeskverify.events.store.EventStreams;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.chat.store.AuditOutbox;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.MutableClock;
import io.helpdeskverify.verification.ChallengeBudget;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.Codes;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.MethodSelector;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.Policies;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Transitions;
import io.helpdeskverify.verification.VerificationChange;
import io.helpdeskverify.verification.VerificationPolicy;
import io.helpdeskverify.verification.VerificationService;
import io.helpdeskverify.verification.store.VerificationStoresForTests;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The chat core wired by hand, without Spring: the real {@link ChatFlow}, {@link TechnicianActions},
 * card stack and {@link VerificationService} (built as {@code system.DomainConfiguration} builds it)
 * on the Redis stores of a {@code RedisConnection} template, with the test profile's limits
 * (application-test.yml) and one {@link RecordingChatPlatform} per platform. Nothing of ours is
 * mocked; the only stand-ins are ports whose real implementations talk to the outside world: the
 * channels a delivery provider is configured for (all three) and Microsoft 365 (not connected).
 * No challenge is really sent: a test plays the dispatcher with {@code verifications.markSent}.
 *
 * <p>Changes reach the card stack synchronously (the publisher runs on the calling thread), so a
 * test sees their effect when the call that made them returns. {@code CardUpdater} is not started
 * unless a test calls {@link #startCardUpdates()}.
 */
final class ChatWorld implements AutoCloseable {

    /* application-test.yml: the test profile's secret, admin token and push-bombing limits. */
    static final HelpdeskProperties PROPERTIES = new HelpdeskProperties(
            "test-secret-test-secret-test-secret-0123456789", "test-admin-token", Path.of("target/test-data"),
            "Test MSP", 365,
            new HelpdeskProperties.Verification(Duration.ofSeconds(60), 6, 1000, 100000, 1000000, 1000000,
                    Duration.ofMinutes(10), Duration.ofMinutes(2), 5, Duration.ofDays(7)),
            new HelpdeskProperties.Expiry(Duration.ofMillis(100), 100, Duration.ofSeconds(30)));
    /* The defaults of helpdesk.chat and helpdesk.access, which the test profile leaves as they are. */
    static final ChatProperties CHAT = new ChatProperties(Duration.ofSeconds(15), 0.5, Duration.ofSeconds(10), 5,
            Duration.ofSeconds(1));
    static final AccessProperties ACCESS = new AccessProperties("open", 5, Duration.ofMinutes(10), Duration.ofSeconds(60));

    /* As Spring Boot configures it (application.yml: non_absent, ISO dates). */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);

    /** No PSA connected: what every chat test but the PSA ones runs with. */
    static final PsaProperties NO_PSA = new PsaProperties(new PsaProperties.ConnectWise("", "", "", "", ""),
            new PsaProperties.Autotask("", "", "", "https://webservices.autotask.net/atservicesrest", 5000),
            new PsaProperties.Http(3, Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(5)),
            new PsaProperties.Notes(Duration.ofSeconds(2), 3, Duration.ofMillis(200), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), Duration.ofSeconds(1)));

    final MutableClock clock = new MutableClock(Instant.now());
    /** The world's Redis, for a second instance's stores (e.g. the PSA call counter every instance shares). */
    final StringRedisTemplate redis;
    /** The ticket page's sessions and LiveLink codes, on this world's Redis. */
    io.helpdeskverify.psa.PodPages pods;
    final RecordingChatPlatform slack = RecordingChatPlatform.slack();
    final RecordingChatPlatform teams = RecordingChatPlatform.teams();
    /** Every change the service published, in order. */
    final List<VerificationChange> changes = new CopyOnWriteArrayList<>();

    final EventLog events;
    final DirectoryRepository repository;
    final DirectoryService directory;
    final VerificationService verifications;
    final SentCards bindings;
    final ChatCardsForTests cards;
    final AccessGuard guard;
    final ChatFlow flow;
    final TechnicianActions actions;
    final TicketNoteOutbox noteOutbox;
    final NoteWriter notes;
    /** The enrolment links sent, with the channel: a recording fake of the delivery port. */
    final List<SentInvite> invites = new CopyOnWriteArrayList<>();

    record SentInvite(io.helpdeskverify.directory.EnrolmentInvite invite, io.helpdeskverify.directory.InviteChannel via) {}

    /* One workspace and channel per world, so budgets, audit roots and refusals never meet another test's. */
    final String workspace = Fixtures.unique("T");
    final String channel = Fixtures.unique("C");

    ChatWorld(StringRedisTemplate redis) {
        this(redis, NO_PSA);
    }

    /** With the PSA adapters on {@code psa}'s settings (the fakes of {@code psa.PsaFake}). */
    ChatWorld(StringRedisTemplate redis, PsaProperties psa) {
        this.redis = redis;
        var random = new SecureRandom();
        var stored = new StoredJson(JSON);
        var keys = ServerKeys.resolve(PROPERTIES, false, random);
        var v = PROPERTIES.verification();
        var streams = new EventStreams(clock, Duration.ofDays(PROPERTIES.eventRetentionDays()), new EventChain(keys));
        events = EventLogsForTests.eventLog(redis, streams);
        repository = DirectoryStoresForTests.repository(redis, stored);
        directory = new DirectoryService(repository, new PhoneNumbers(), events, clock);
        var codes = new Codes(keys.codeKey(), random);
        var policies = new Policies(new VerificationPolicy(v.countdown(), v.codeLength(),
                new ChallengeBudget.Limits(v.maxChallengesPerUser(), v.maxChallengesPerTechnician(),
                        v.maxChallengesPerCustomer(), v.maxChallengesGlobal(), v.limitWindow()),
                EnumSet.allOf(Method.class)));
        var cardStack = new java.util.concurrent.atomic.AtomicReference<ChatCardsForTests>();
        var noteStack = new java.util.concurrent.atomic.AtomicReference<NoteWriter>();
        verifications = new VerificationService(repository,
                failingCreates(VerificationStoresForTests.store(redis, JSON, streams, clock, v.keepFinished())),
                VerificationStoresForTests.challengeBudget(redis), events,
                change -> {
                    changes.add(change);
                    var n = noteStack.get();
                    if (n != null) {
                        n.on(change);
                    }
                    var c = cardStack.get();
                    if (c != null) {
                        c.listener().accept(change);
                    }
                },
                codes, new Transitions(v.maxWrongCodes(), v.technicianWindow(), codes), policies, new MethodSelector(),
                () -> EnumSet.allOf(Channel.class), new Secrets(random), clock);

        var platforms = new ChatPlatforms(List.<ChatPlatform>of(slack, teams));
        var access = new AccessControl(new AccessRules(AccessMode.parse(ACCESS.mode())),
                AccessStoresForTests.policies(redis, stored), UserGroups.none());
        guard = AccessGuardsForTests.guard(access, events, clock);
        bindings = new SentCards(redis, stored);
        var mapper = new CardViewMapper(repository, new ContactRisk(Duration.ofDays(7)), clock);
        cards = new ChatCardsForTests(redis, platforms, bindings, new AuditOutbox(redis, stored), mapper, verifications, guard, keys, random,
                Runnable::run, clock, CHAT);
        cardStack.set(cards);
        var directoryProps = new DirectoryProperties(List.of(), 7);
        var connections = new PsaConnections(List.of(new ConnectWiseTickets(psa, JSON),
                new AutotaskTickets(psa, JSON, clock, PsaStoresForTests.callCounter(redis, clock))), clock);
        noteOutbox = PsaStoresForTests.outbox(redis, stored, psa);
        notes = new NoteWriter(noteOutbox, connections, verifications, events,
                List.of(new TicketNoteNotices(bindings, platforms)), psa, clock);
        noteStack.set(notes);
        var tickets = new TicketVerifications(connections, directory, new PhoneNumbers(), verifications, noteOutbox,
                psa, clock);
        pods = new io.helpdeskverify.psa.PodPages(tickets, java.util.Optional.empty(),
                PsaStoresForTests.podSessions(redis, stored, clock), verifications,
                new io.helpdeskverify.psa.PodProperties(List.of(), Duration.ofMinutes(30), Duration.ofMinutes(10)), clock);
        flow = new ChatFlow(platforms, new EndUserResolver(repository, new DirectorySnapshots(repository)),
                verifications, mapper, cards.publisher(), events,
                new DirectorySyncCommand(new NotConnected(), directory, directoryProps), new EnrolCommand(invites()),
                guard, tickets, connections, pods, directory, clock);
        actions = new TechnicianActions(verifications, bindings, cards.publisher(), mapper, guard,
                new RefusedClicks(redis, ACCESS, clock), clock);
    }

    /** An enrolled app with a push token for the user, so push methods can be started. */
    void enrolApp(String customer, String username) {
        var token = devices().issueEnrolment(customer, username);
        devices().enrol(token.token(), "fcm-" + username, "web", true);
    }

    private io.helpdeskverify.directory.DeviceService devices() {
        return new io.helpdeskverify.directory.DeviceService(repository, directory, new Secrets(new SecureRandom()),
                events, enrolled -> { }, 3, clock);
    }

    private io.helpdeskverify.directory.EnrolmentInvites invites() {
        var devices = devices();
        return new io.helpdeskverify.directory.EnrolmentInvites(devices, directory, (invite, via) -> {
            invites.add(new SentInvite(invite, via));
            return new io.helpdeskverify.directory.InviteOutcome.Sent(via, "+1 ••• ••• ••88", invite.expiresAt());
        }, Optional.of("https://hv.example.com/app/"));
    }

    /**
     * How many of the next verification writes that create one fail as if Redis went away at that
     * moment (after the start spent its rate-limit slot): the one fault a real Redis cannot be timed to.
     */
    final java.util.concurrent.atomic.AtomicInteger failCreates = new java.util.concurrent.atomic.AtomicInteger();

    private io.helpdeskverify.verification.VerificationStore failingCreates(io.helpdeskverify.verification.VerificationStore real) {
        return (io.helpdeskverify.verification.VerificationStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.helpdeskverify.verification.VerificationStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("create") && failCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new org.springframework.data.redis.RedisConnectionFailureException("Redis went away");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A fresh customer (unique slug) with the service's default policy; returns its slug. */
    String customer() {
        String slug = Fixtures.unique("acme");
        directory.createCustomer(slug, "Acme " + slug, List.of(slug + ".example"), "US", CustomerPolicy.defaults());
        return slug;
    }

    /** An end user with a mobile and an email, no app: SMS code and email code are possible. */
    EndUser userWithMobileAndEmail(String customer, String username) {
        return directory.createEndUser(customer, username, "Jane " + username, Optional.of(username + "@" + customer
                + ".example"), Optional.of("+12025550188"), true, EndUser.Source.MANUAL);
    }

    /** An end user with an email only: email code is the one possible method. */
    EndUser userWithEmailOnly(String customer, String username) {
        return directory.createEndUser(customer, username, "John " + username,
                Optional.of(username + "@" + customer + ".example"), Optional.empty(), true, EndUser.Source.MANUAL);
    }

    /** A technician of this world's Slack workspace, typing in its channel. */
    Technician slackTechnician(String id, String name) {
        return new Technician(Platform.SLACK, id, name);
    }

    ConversationRef slackChannel() {
        return ConversationRef.slack(workspace, channel);
    }

    TechnicianContext slackContext(Technician who) {
        return TechnicianContext.slack(workspace, Optional.of(workspace), who.id(), channel);
    }

    /** The request a Slack slash command of this technician becomes (with a response_url, as Slack sends). */
    ChatRequest slackRequest(Technician who, String text) {
        return new ChatRequest(who, new Recipient(slackChannel(), who.id(),
                Optional.of("https://hooks.slack.test/commands/" + who.id())), text, slackContext(who));
    }

    void startCardUpdates() {
        cards.updater().start();
    }

    @Override
    public void close() {
        if (cards.updater().isRunning()) {
            cards.updater().stop();
        }
    }

    /* Microsoft 365 is not connected in these tests: the real sync talks to Graph. */
    private static final class NotConnected implements DirectorySync {
        @Override
        public String name() {
            return "Microsoft 365";
        }

        @Override
        public boolean connected(String customerSlug) {
            return false;
        }

        @Override
        public SyncStart start(String customerSlug, String requestedBy) {
            return new SyncStart.Refused("Microsoft 365 is not connected in this test.");
        }

        @Override
        public Optional<SyncReport> last(String customerSlug) {
            return Optional.empty();
        }
    }
}
