package io.helpdeskverify.psa;

import io.helpdeskverify.directory.Masking;
import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ticket page inside the PSA: opens a page session once the PSA confirmed the member
 * (ConnectWise) or a one-time code was typed (Autotask), shows the ticket's contact, starts and
 * decides verifications through the same {@link TicketVerifications} and {@link VerificationService}
 * every surface uses. Nothing the browser says about the member is believed without the PSA.
 */
@Component
public class PodPages {

    public static final String TOKEN_PREFIX = "hvp_";
    static final String CHANNEL = "psa-pod";
    /* No 0/O, 1/I/L: a technician copies the code by eye. 10 characters of 31 are 49 bits, alive for minutes. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 10;

    private final TicketVerifications tickets;
    private final Optional<HostedMembers> members;
    private final PodSessions sessions;
    private final VerificationService verifications;
    private final PodProperties settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PodPages(TicketVerifications tickets, Optional<HostedMembers> members, PodSessions sessions,
                    VerificationService verifications, PodProperties settings, Clock clock) {
        this.tickets = tickets;
        this.members = members;
        this.sessions = sessions;
        this.verifications = verifications;
        this.settings = settings;
        this.clock = clock;
    }

    /** What opening the page gave: a session with its ticket, or why not. */
    public sealed interface Opened {
        record Session(String token, PodSession session, PodTicket ticket) implements Opened {}

        /** The member or code was not confirmed: no session. */
        record Denied(String why) implements Opened {}

        /** This bot has no connection to that PSA: nothing to open. */
        record NotConnected(String why) implements Opened {}

        record Refused(TicketResolution.Refused refusal) implements Opened {}
    }

    /** A ConnectWise member in a pod: confirmed by ConnectWise with their own hash before anything else. */
    public Opened openConnectWise(String ticketId, MemberProof proof) {
        Optional<PodMember> member;
        try {
            member = members.orElseThrow(() -> new PsaException(PsaException.Kind.NOT_CONFIGURED,
                    "ConnectWise is not available here.")).confirm(proof);
        } catch (PsaException e) {
            return e.kind() == PsaException.Kind.NOT_CONFIGURED ? new Opened.NotConnected(e.getMessage())
                    : new Opened.Refused(TicketVerifications.refusal(PsaProvider.CONNECTWISE, e));
        }
        if (member.isEmpty()) {
            return new Opened.Denied("ConnectWise did not confirm you as a member of this company. Reload the ticket "
                    + "in Manage (your session may have ended); if it goes on, ask your admin to check the pod's setup.");
        }
        var m = member.get();
        // A confirmed member of our own Manage works every mapped customer's tickets there (docs/psa.md).
        return open(PsaProvider.CONNECTWISE, ticketId, new PodGrant(new Technician(Platform.API,
                "connectwise:" + m.identifier(), m.email().orElse(m.identifier())), java.util.Set.of(PodGrant.EVERY_CUSTOMER)));
    }

    /** An Autotask LiveLink: the technician typed a one-time code issued to them by the bot. */
    public Opened openWithCode(PsaProvider provider, String ticketRef, String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        var grant = normalised.length() == CODE_LENGTH ? sessions.takeCode(normalised) : Optional.<PodGrant>empty();
        if (grant.isEmpty()) {
            return new Opened.Denied("That code is not valid (each code works once, for "
                    + settings.codeTtl().toMinutes() + " minutes). Ask the bot for a new one.");
        }
        return open(provider, ticketRef, grant.get());
    }

    /** A code for the ticket page, for the technician who asked and the customers they may act on: shown once. */
    public String issueCode(PodGrant grant) {
        var sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        String code = sb.toString();
        sessions.putCode(code, grant, settings.codeTtl());
        return code;
    }

    public java.time.Duration codeTtl() {
        return settings.codeTtl();
    }

    public Optional<PodSession> session(String token) {
        return token.startsWith(TOKEN_PREFIX) ? sessions.find(token) : Optional.empty();
    }

    /** Sealed: the page's ticket now, or why it cannot be verified. */
    public sealed interface Viewed {
        record Ticket(PodTicket ticket) implements Viewed {}

        record Refused(TicketResolution.Refused refusal) implements Viewed {}
    }

    public Viewed view(PodSession session) {
        var r = tickets.resolve(session.provider(), session.ticketRef(), c -> session.grant().covers(c.slug()),
                Optional.empty());
        return r instanceof TicketResolution.Refused refused ? new Viewed.Refused(refused) : new Viewed.Ticket(ticket(r));
    }

    /** What starting from the page gave. */
    public sealed interface Started {
        record Verification(StartResult.Started started) implements Started {}

        record Refused(TicketResolution.Refused refusal) implements Started {}

        record NotStarted(StartResult.Refused refused) implements Started {}

        record Several(PodTicket ticket) implements Started {}
    }

    public Started start(String token, PodSession session, Optional<Method> method, Optional<String> user) {
        var r = tickets.resolve(session.provider(), session.ticketRef(), c -> session.grant().covers(c.slug()), user);
        if (r instanceof TicketResolution.Refused refused) {
            return new Started.Refused(refused);
        }
        if (r instanceof TicketResolution.Several) {
            return new Started.Several(ticket(r));
        }
        var result = tickets.start((TicketResolution.Subject) r, method, session.technician(), CHANNEL);
        if (result instanceof StartResult.Started started) {
            sessions.addVerification(token, session, started.verification().id());
            return new Started.Verification(started);
        }
        return new Started.NotStarted((StartResult.Refused) result);
    }

    /** A verification this session started; any other id reads as unknown. */
    public Optional<Verification> verification(PodSession session, String id) {
        return session.verifications().contains(id) ? verifications.find(id) : Optional.empty();
    }

    public Optional<ActionResult> decide(PodSession session, String id, boolean approve) {
        return verification(session, id).map(v -> verifications.decide(id, session.technician(), approve));
    }

    public Optional<ActionResult> cancel(PodSession session, String id) {
        return verification(session, id).map(v -> verifications.cancel(id, session.technician()));
    }

    private Opened open(PsaProvider provider, String ticketRef, PodGrant grant) {
        var r = tickets.resolve(provider, ticketRef, c -> grant.covers(c.slug()), Optional.empty());
        if (r instanceof TicketResolution.Refused refused) {
            return new Opened.Refused(refused);
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var session = new PodSession(provider, ticketRef.strip(), grant, clock.instant().plus(settings.sessionTtl()),
                java.util.Set.of());
        sessions.put(token, session);
        return new Opened.Session(token, session, ticket(r));
    }

    private PodTicket ticket(TicketResolution r) {
        if (r instanceof TicketResolution.Several s) {
            var candidates = s.users().stream().map(u -> new PodTicket.Candidate(u.username(), u.displayName())).toList();
            return new PodTicket(s.ticket().provider().id(), s.ticket().id(), s.ticket().number(), s.ticket().summary(),
                    "", List.of(), null, List.of(), List.of(), candidates);
        }
        var subject = (TicketResolution.Subject) r;
        var contacts = new ArrayList<String>();
        subject.user().mobile().ifPresent(m -> contacts.add(Masking.phone(m)));
        subject.user().email().ifPresent(e -> contacts.add(Masking.email(e)));
        var t = subject.ticket();
        return new PodTicket(t.provider().id(), t.id(), t.number(), t.summary(), subject.user().displayName(), contacts,
                subject instanceof TicketResolution.Matched, verifications.offeredMethods(subject.customer(), subject.user()),
                subject.remarks(), List.of());
    }
}
