package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.StoreAway;
import io.helpdeskverify.chat.core.AccessGuard;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.cards.CardPublisher;
import io.helpdeskverify.chat.cards.CardViewMapper;

import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.cards.EventListView;
import io.helpdeskverify.cards.PickerView;
import io.helpdeskverify.chat.ChatCommand.Help;
import io.helpdeskverify.chat.ChatCommand.Verify;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.Masking;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.psa.PodGrant;
import io.helpdeskverify.psa.PodPages;
import io.helpdeskverify.psa.PsaConnections;
import io.helpdeskverify.psa.PsaProvider;
import io.helpdeskverify.psa.TicketResolution;
import io.helpdeskverify.psa.TicketVerifications;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one chat workflow, for Slack and Teams alike: parse → resolve the end user → ask what is
 * missing (which user, which method) → start through the same service the admin API uses → post
 * the card → show the code to the requesting technician only. Runs after the platform got its
 * acknowledgement; every failure ends in a private message that says what to do next.
 */
@Component
public class ChatFlow {

    /** The action id of both pickers; the chosen value is a command to run, e.g. "verify bob@acme --sms". */
    public static final String PICK_ACTION = "hv_pick";
    static final int EVENTS_SHOWN = 20;

    private static final Logger log = LoggerFactory.getLogger(ChatFlow.class);

    private final ChatPlatforms platforms;
    private final ChatCommandParser parser = new ChatCommandParser();
    private final EndUserResolver resolver;
    private final VerificationService verifications;
    private final CardViewMapper mapper;
    private final CardPublisher publisher;
    private final EventLog events;
    private final DirectorySyncCommand directorySync;
    private final EnrolCommand enrolLinks;
    private final AccessGuard guard;
    private final TicketVerifications tickets;
    private final PsaConnections psa;
    private final PodPages pods;
    private final DirectoryService directory;
    private final Clock clock;

    public ChatFlow(ChatPlatforms platforms, EndUserResolver resolver, VerificationService verifications,
                    CardViewMapper mapper, CardPublisher publisher, EventLog events, DirectorySyncCommand directorySync,
                    EnrolCommand enrolLinks, AccessGuard guard, TicketVerifications tickets, PsaConnections psa,
                    PodPages pods, DirectoryService directory, Clock clock) {
        this.enrolLinks = enrolLinks;
        this.platforms = platforms;
        this.resolver = resolver;
        this.verifications = verifications;
        this.mapper = mapper;
        this.publisher = publisher;
        this.events = events;
        this.directorySync = directorySync;
        this.guard = guard;
        this.tickets = tickets;
        this.psa = psa;
        this.pods = pods;
        this.directory = directory;
        this.clock = clock;
    }

    public void handle(ChatRequest request) {
        ChatPlatform platform = platforms.of(request.conversation().platform())
                .orElseThrow(() -> new IllegalStateException(request.conversation().platform() + " is not configured"));
        try {
            run(platform, request);
        } catch (ChatPlatformException e) {
            log.warn("Chat command failed on the platform: {}", e.getMessage());
            tell(platform, request, PrivateMessage.Notice.error("That did not work: " + e.getMessage(),
                    e.advice().isBlank() ? "Try again in a moment." : e.advice()));
        } catch (RuntimeException e) {
            if (StoreAway.isCause(e)) {
                // Not a bug: one line, no trace (an outage under load would bury the log), and a clear answer.
                log.warn("Chat command answered 'store unavailable': {}", e.toString());
                tell(platform, request, StoreAway.notice());
                return;
            }
            log.error("Chat command failed", e);
            tell(platform, request, PrivateMessage.Notice.error("Something went wrong on our side.",
                    "Nothing was started unless a card appeared. Try again in a moment; if it keeps failing, "
                            + "ask your admin to check the bot's log."));
        }
    }

    private void run(ChatPlatform platform, ChatRequest request) {
        var outsider = guard.door(request.context());
        if (outsider.isPresent()) {
            // Someone of another organisation (a Slack Connect guest, another tenant): nothing at all, not even help.
            guard.record(request.technician(), request.context(), "", "", Optional.empty(),
                    "command '" + abbreviated(request.text()) + "'", outsider.get().reason());
            tell(platform, request, AccessGuard.doorNotice(outsider.get().reason()));
            return;
        }
        ChatCommand command = parser.parse(request.text());
        var access = guard.of(request.context());
        if (command instanceof Help help) {
            tell(platform, request, help(help));
        } else if (command instanceof ChatCommand.Sync sync) {
            tell(platform, request, directorySync.run(request, sync.customer()));
        } else if (command instanceof ChatCommand.LiveLinkCode) {
            liveLinkCode(platform, request, access);
        } else if (command instanceof ChatCommand.Enrol enrol) {
            var resolution = permitted(request, "enrol", enrol.target(), resolver.resolve(enrol.target(), access));
            tell(platform, request, resolution instanceof Resolution.Found found
                    ? enrolLinks.send(found.user(), enrol.via())
                    : resolution instanceof Resolution.Several several ? enrolLinks.several(several)
                    : notFound(resolution));
        } else if (command instanceof ChatCommand.VerifyMe me) {
            verifyMe(platform, request, permitted(request, "verify me to", me.target(),
                    resolver.resolve(me.target(), access)));
        } else if (command instanceof ChatCommand.VerifyTicket ticket) {
            verifyTicket(platform, request, ticket, access);
        } else if (command instanceof ChatCommand.Events ev) {
            events(platform, request, permitted(request, "events", ev.target(), resolver.resolve(ev.target(), access)));
        } else {
            var verify = (Verify) command;
            verify(platform, request, permitted(request, "verify", verify.target(),
                    resolver.resolve(verify.target(), access)), verify.method());
        }
    }

    /* A customer the technician may not verify: recorded for the auditors, answered as if it did not exist. */
    private Resolution permitted(ChatRequest request, String command, ChatCommand.Target target, Resolution resolution) {
        if (resolution instanceof Resolution.NotPermitted refused) {
            String user = target.user().strip();
            guard.record(request.technician(), request.context(), refused.customer().slug(),
                    user.startsWith(EndUserResolver.EXACT) ? user.substring(EndUserResolver.EXACT.length()) : user,
                    Optional.empty(), command + " " + abbreviated(target.user() + "@" + target.customer()),
                    io.helpdeskverify.access.AccessDecision.Reason.NOT_IN_POLICY);
            return new Resolution.NoSuchCustomer(refused.typed(), refused.closeMatches());
        }
        return resolution;
    }

    /* What someone typed goes into the audit log bounded: it is their text, not ours. */
    private static String abbreviated(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 80 ? t : t.substring(0, 80) + "…";
    }

    private void verify(ChatPlatform platform, ChatRequest request, Resolution resolution, Optional<Method> method) {
        if (resolution instanceof Resolution.Found found) {
            if (method.isPresent()) {
                start(platform, request, found.customer(), found.user(), method);
                return;
            }
            List<Method> offered = verifications.offeredMethods(found.customer(), found.user());
            if (offered.isEmpty()) {
                tell(platform, request, PrivateMessage.Notice.error(found.user().displayName() + " cannot be verified.",
                        "No method can reach them: no enrolled app, mobile number or email that this customer's "
                                + "policy and this installation allow. Update their contacts in the directory."));
            } else if (offered.size() == 1) {
                start(platform, request, found.customer(), found.user(), Optional.of(offered.get(0)));
            } else {
                tell(platform, request, new PrivateMessage.Picker(methodPicker(found.customer(), found.user(), offered)));
            }
        } else if (resolution instanceof Resolution.Several several) {
            tell(platform, request, new PrivateMessage.Picker(userPicker(several, method)));
        } else {
            tell(platform, request, notFound(resolution));
        }
    }

    /*
     * The reverse check: the same resolution, card and private code as any verification; only the
     * start differs (no method picker: the ladder picks the channel, and the user decides).
     */
    private void verifyMe(ChatPlatform platform, ChatRequest request, Resolution resolution) {
        if (resolution instanceof Resolution.Found found) {
            posted(platform, request, found.customer(), found.user(), Optional.empty(),
                    verifications.start(StartRequest.reverse(found.customer().slug(), found.user().username(),
                            request.technician(), request.conversation().conversationId())));
        } else if (resolution instanceof Resolution.Several several) {
            tell(platform, request, PrivateMessage.Notice.warning("Several users match; name one exactly.",
                    several.users().stream().map(u -> "verify me to =" + u.username() + "@" + several.customer().slug()
                            + " (" + u.displayName() + ")").toArray(String[]::new)));
        } else {
            tell(platform, request, notFound(resolution));
        }
    }

    private void start(ChatPlatform platform, ChatRequest request, Customer customer, EndUser user,
                       Optional<Method> method) {
        posted(platform, request, customer, user, method, verifications.start(new StartRequest(customer.slug(),
                user.username(), method, request.technician(), request.conversation().conversationId())));
    }

    /**
     * {@code verify ticket …}: the PSA finds the person, the rest is the flow above (method picker,
     * card). A picker's choice runs the ticket command again, so the ticket is read afresh.
     */
    /*
     * The code acts as this technician on the customers their access policy lets them verify now (a
     * snapshot: the code lives minutes); told privately, never in the channel.
     */
    private void liveLinkCode(ChatPlatform platform, ChatRequest request, io.helpdeskverify.chat.core.TechnicianAccess access) {
        if (!psa.configured().contains(PsaProvider.AUTOTASK)) {
            tell(platform, request, PrivateMessage.Notice.warning("Autotask is not connected.",
                    "A LiveLink code opens the ticket page of an Autotask ticket; ask your admin to connect Autotask."));
            return;
        }
        var customers = directory.customers().stream().filter(access::mayVerify).map(c -> c.slug())
                .collect(java.util.stream.Collectors.toSet());
        if (customers.isEmpty()) {
            tell(platform, request, PrivateMessage.Notice.warning("You may verify no customer's users.",
                    "Ask your admin to add you to a customer's access policy."));
            return;
        }
        String code = pods.issueCode(new PodGrant(request.technician(), customers));
        tell(platform, request, PrivateMessage.Notice.info("Your LiveLink code: " + code,
                "Type it into the page the ticket's LiveLink opened. It works once, for "
                        + pods.codeTtl().toMinutes() + " minutes, as you, on the customers you may verify.",
                "Nobody else can see this message; do not share the code."));
    }

    private void verifyTicket(ChatPlatform platform, ChatRequest request, ChatCommand.VerifyTicket command,
                              io.helpdeskverify.chat.core.TechnicianAccess access) {
        var provider = command.provider().or(() -> TicketProviders.infer(command.ticket(), psa.configured()));
        if (provider.isEmpty()) {
            tell(platform, request, TicketProviders.which(psa.configured()));
            return;
        }
        var resolution = tickets.resolve(provider.get(), command.ticket(), access::mayVerify, command.chosen());
        String again = "verify ticket " + provider.get().id() + " " + command.ticket();
        if (resolution instanceof TicketResolution.Refused refused) {
            tell(platform, request, PrivateMessage.Notice.warning(refused.title(), refused.advice()));
        } else if (resolution instanceof TicketResolution.Several several) {
            String flag = command.method().map(m -> " " + ChatCommandParser.flag(m)).orElse("");
            var options = several.users().stream().map(u -> option(u.displayName(), u.username() + contacts(u),
                    again + " =" + u.username() + flag)).flatMap(Optional::stream).toList();
            tell(platform, request, new PrivateMessage.Picker(new PickerView("Several users of "
                    + several.customer().name() + " match the contact of ticket " + several.ticket().number()
                    + ". Which one?", options, PICK_ACTION)));
        } else {
            var subject = (TicketResolution.Subject) resolution;
            String chosen = subject instanceof TicketResolution.Matched ? " =" + subject.user().username() : "";
            var method = command.method();
            if (method.isEmpty()) {
                List<Method> offered = verifications.offeredMethods(subject.customer(), subject.user());
                if (offered.isEmpty()) {
                    tell(platform, request, PrivateMessage.Notice.error(subject.user().displayName()
                            + " cannot be verified.", "No method can reach them with the contact details "
                            + (subject instanceof TicketResolution.Matched ? "in the directory." : "in the PSA.")));
                    return;
                }
                if (offered.size() > 1) {
                    var options = offered.stream().map(m -> option(m.label(), methodDescription(m, subject.user()),
                            again + chosen + " " + ChatCommandParser.flag(m))).flatMap(Optional::stream).toList();
                    tell(platform, request, new PrivateMessage.Picker(new PickerView("How should "
                            + subject.user().displayName() + " be verified?", options, PICK_ACTION)));
                    return;
                }
                method = Optional.of(offered.get(0));
            }
            if (!subject.remarks().isEmpty()) {
                tell(platform, request, PrivateMessage.Notice.warning("Ticket " + subject.ticket().number()
                        + ": check the contact details.", subject.remarks().toArray(String[]::new)));
            }
            posted(platform, request, subject.customer(), subject.user(), method, tickets.start(subject, method,
                    request.technician(), request.conversation().conversationId()));
        }
    }

    private void posted(ChatPlatform platform, ChatRequest request, Customer customer, EndUser user,
                        Optional<Method> method, StartResult result) {
        if (result instanceof StartResult.Refused refused) {
            if (refused.reason() == StartResult.Reason.RATE_LIMITED) {
                publisher.audit(request.conversation(), new AuditEntry(clock.instant(), "Refused: too many challenges",
                        user.displayName(), customer.name(), request.technician().name(),
                        method.map(Method::label).orElse(""), refused.message()));
            }
            tell(platform, request, PrivateMessage.Notice.warning(refusalTitle(refused.reason()), refused.message()));
            return;
        }
        var started = (StartResult.Started) result;
        var v = started.verification();
        CardRef card;
        try {
            card = platform.postCard(request.conversation(), mapper.view(v, Optional.of(customer), Optional.of(user)));
        } catch (ChatPlatformException e) {
            // Without a card nobody can follow or decide it: end it now rather than leave a live code behind.
            verifications.cancel(v.id(), request.technician());
            tell(platform, request, PrivateMessage.Notice.error("Verification cancelled: I could not post its card here.",
                    e.advice().isBlank() ? "Try again in a moment." : e.advice()));
            return;
        }
        publisher.attach(v, started.code(), card, request.requester(), platform);
    }

    private void events(ChatPlatform platform, ChatRequest request, Resolution resolution) {
        Customer customer;
        EndUser user;
        if (resolution instanceof Resolution.Found found) {
            customer = found.customer();
            user = found.user();
        } else if (resolution instanceof Resolution.Disabled disabled) {
            customer = disabled.customer();
            user = disabled.user();
        } else if (resolution instanceof Resolution.Several several) {
            tell(platform, request, PrivateMessage.Notice.warning("Several users match; name one exactly.",
                    several.users().stream().map(u -> u.username() + "@" + several.customer().slug()
                            + " (" + u.displayName() + ")").toArray(String[]::new)));
            return;
        } else {
            tell(platform, request, notFound(resolution));
            return;
        }
        List<AuditEvent> newestFirst = events.query(EventQuery.latestFor(customer.slug(), user.username(), EVENTS_SHOWN));
        var rows = new ArrayList<EventListView.EventRow>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            AuditEvent e = newestFirst.get(i);
            String detail = String.join(" · ", Stream.of(e.technician().isBlank() ? "" : "by " + e.technician(),
                    e.method(), e.reason()).filter(s -> !s.isBlank()).toList());
            rows.add(new EventListView.EventRow(e.time(), e.type().name(), detail));
        }
        tell(platform, request, new PrivateMessage.Events(new EventListView(
                "Last " + EVENTS_SHOWN + " events of " + user.displayName() + " (" + customer.name() + ")", rows)));
    }

    private PickerView methodPicker(Customer customer, EndUser user, List<Method> offered) {
        var options = offered.stream().map(m -> option(m.label(), methodDescription(m, user),
                "verify =" + user.username() + "@" + customer.slug() + " " + ChatCommandParser.flag(m)))
                .flatMap(Optional::stream).toList();
        return new PickerView("How should " + user.displayName() + " be verified?", options, PICK_ACTION);
    }

    private PickerView userPicker(Resolution.Several several, Optional<Method> method) {
        String flag = method.map(m -> " " + ChatCommandParser.flag(m)).orElse("");
        var options = several.users().stream().map(u -> option(u.displayName(), u.username() + contacts(u),
                "verify =" + u.username() + "@" + several.customer().slug() + flag)).flatMap(Optional::stream).toList();
        return new PickerView("Several users of " + several.customer().name() + " match. Which one?", options, PICK_ACTION);
    }

    /* A choice's value must survive the platform round trip unchanged: one that does not fit is left out. */
    private static Optional<PickerView.Option> option(String label, String description, String value) {
        try {
            return Optional.of(new PickerView.Option(label, description, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String methodDescription(Method m, EndUser user) {
        return switch (m) {
            case PUSH -> "Approve / Deny in the app";
            case PUSH_WITH_CODE -> "Approve in the app, then the user reads you a code";
            case VERIFIED_PUSH -> "You read a code to the user, who types it in the app";
            case SMS_CODE -> "Code by SMS to " + user.mobile().map(Masking::phone).orElse("their mobile");
            case EMAIL_CODE -> "Code by email to " + user.email().map(Masking::email).orElse("their email");
        };
    }

    private static String contacts(EndUser u) {
        var parts = new ArrayList<String>();
        u.mobile().ifPresent(m -> parts.add(Masking.phone(m)));
        u.email().ifPresent(e -> parts.add(Masking.email(e)));
        return parts.isEmpty() ? "" : " · " + String.join(" · ", parts);
    }

    private static PrivateMessage notFound(Resolution resolution) {
        if (resolution instanceof Resolution.Disabled d) {
            return PrivateMessage.Notice.error(d.user().displayName() + " is disabled in the directory.",
                    "Disabled accounts cannot be verified. If the account was re-enabled, sync or update the "
                            + "directory first.");
        }
        if (resolution instanceof Resolution.NoSuchCustomer c) {
            var lines = new ArrayList<String>();
            lines.add("Use the customer's short name or one of its email domains, e.g. jdoe@acme or jdoe@acme.com.");
            if (!c.closeMatches().isEmpty()) {
                lines.add("Did you mean: " + String.join(", ", c.closeMatches()) + "?");
            }
            lines.add("Only customers you may verify are found. If you should verify this one's users, ask your MSP "
                    + "admin to add you to its access policy.");
            return new PrivateMessage.Notice(new io.helpdeskverify.cards.NoticeView("No customer '" + c.typed() + "'.",
                    lines, io.helpdeskverify.cards.NoticeView.Tone.WARNING));
        }
        var u = (Resolution.NoSuchUser) resolution;
        var lines = new ArrayList<String>();
        if (u.closeMatches().isEmpty()) {
            lines.add("Nobody at " + u.customer().name() + " has that username, email or display name.");
        } else {
            lines.add("Did you mean:");
            u.closeMatches().forEach(m -> lines.add(m.displayName() + " — " + m.username() + "@" + u.customer().slug()));
        }
        return new PrivateMessage.Notice(new io.helpdeskverify.cards.NoticeView(
                "No end user '" + u.typed() + "' at " + u.customer().name() + ".", lines,
                io.helpdeskverify.cards.NoticeView.Tone.WARNING));
    }

    private static PrivateMessage help(Help help) {
        var lines = new ArrayList<String>();
        help.problem().ifPresent(lines::add);
        lines.add("verify user@customer — start a verification; you choose the method if several are possible.");
        lines.add("verify user@customer " + MethodOption.flags(" | ") + " — with that method "
                + "(--match: you read a code to the user, who types it in the app).");
        lines.add("verify me to user@customer — the reverse check: the user gets a code and your name, you read them "
                + "the same code (shown to you only), and they confirm it matches.");
        lines.add("verify ticket 12345 — the contact of a ConnectWise ticket (verify ticket T20240115.0023: Autotask; "
                + "with both connected, verify ticket cw 12345 or at 12345).");
        lines.add("livelink — a one-time code for the ticket page an Autotask LiveLink opens, shown to you only.");
        lines.add("events user@customer — the last " + EVENTS_SHOWN + " events, visible to you only.");
        lines.add("enrol user@customer [--sms | --email] — send the user a one-time link to install the "
                + "verification app, to their own mobile or email in the directory.");
        lines.add("sync customer — admins: import the customer's users from Microsoft 365 now.");
        lines.add("user is a username, email or display name; customer is the customer's short name or email domain.");
        return help.problem().isPresent()
                ? new PrivateMessage.Notice(new io.helpdeskverify.cards.NoticeView("That command was not understood.",
                        lines, io.helpdeskverify.cards.NoticeView.Tone.WARNING))
                : new PrivateMessage.Notice(new io.helpdeskverify.cards.NoticeView("How to verify a caller", lines,
                        io.helpdeskverify.cards.NoticeView.Tone.INFO));
    }

    private static String refusalTitle(StartResult.Reason reason) {
        return switch (reason) {
            case UNKNOWN_CUSTOMER -> "Unknown customer.";
            case UNKNOWN_USER -> "Unknown end user.";
            case USER_DISABLED -> "This end user is disabled.";
            case METHOD_NOT_AVAILABLE -> "That method is not possible for this user.";
            case RATE_LIMITED -> "Not sent: too many challenges.";
        };
    }

    private void tell(ChatPlatform platform, ChatRequest request, PrivateMessage message) {
        try {
            platform.tellPrivately(request.requester(), message);
        } catch (RuntimeException e) {
            log.warn("Could not answer {} privately: {}", request.technician().key(), e.getMessage());
        }
    }
}
