package io.helpdeskverify.verification;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.Secrets;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.verification.DeliveryStep.DeliveryStatus;
import io.helpdeskverify.verification.StartResult.Reason;
import io.helpdeskverify.verification.StartResult.Refused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one entry point for starting and moving verifications: the admin API, the mobile-app API,
 * Slack, Teams, delivery and the expiry timer all come through here. Each move reads the current
 * value, applies a pure {@link Transitions} function and stores the result with a compare-and-set;
 * the loser of a race re-reads and is told "already decided".
 */
public class VerificationService {

    /** A compare-and-set loses only to a concurrent winner, so a few rounds always settle it. */
    private static final int MAX_ROUNDS = 64;
    /** How long an ad-hoc end user's contact details are kept: a little beyond a finished verification's 7 days. */
    static final Duration AD_HOC_KEEP = Duration.ofDays(8);

    private final DirectoryRepository directory;
    private final VerificationStore store;
    private final ChallengeBudget budget;
    private final EventLog events;
    private final ChangePublisher publisher;
    private final Codes codes;
    private final Transitions transitions;
    private final Policies policies;
    private final MethodSelector selector;
    private final ChannelAvailability channels;
    private final Secrets secrets;
    private final Clock clock;

    public VerificationService(DirectoryRepository directory, VerificationStore store, ChallengeBudget budget,
                               EventLog events, ChangePublisher publisher, Codes codes, Transitions transitions,
                               Policies policies, MethodSelector selector, ChannelAvailability channels,
                               Secrets secrets, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.budget = budget;
        this.events = events;
        this.publisher = publisher;
        this.codes = codes;
        this.transitions = transitions;
        this.policies = policies;
        this.selector = selector;
        this.channels = channels;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The methods this end user can receive now, in the order a technician is offered them. */
    public List<Method> offeredMethods(Customer customer, EndUser user) {
        var policy = policies.of(customer);
        return selector.offered(reachability(user), policy.allowedMethods(), channels.available());
    }

    public StartResult start(StartRequest request) {
        String customerKey = request.customer().strip().toLowerCase(Locale.ROOT);
        var customer = directory.customer(customerKey).or(() -> directory.customerByDomain(customerKey));
        if (customer.isEmpty()) {
            return new Refused(Reason.UNKNOWN_CUSTOMER, "No customer '" + request.customer() + "'.");
        }
        var user = directory.endUser(customer.get().slug(), request.endUser().strip().toLowerCase(Locale.ROOT));
        if (user.isEmpty()) {
            return new Refused(Reason.UNKNOWN_USER,
                    "No end user '" + request.endUser() + "' at " + customer.get().name() + ".");
        }
        if (!user.get().enabled()) {
            return new Refused(Reason.USER_DISABLED, user.get().displayName() + " is disabled in the directory and "
                    + "cannot be verified. If the account was re-enabled, sync or update the directory first.");
        }
        return startFor(request, customer.get(), user.get(), Optional.empty());
    }

    /**
     * Starts a verification of someone the directory does not hold, on contact details that came with
     * the request: a PSA ticket's contact ({@link EndUser.Source#PSA}). Everything else is as for a
     * directory user (policy, ladder, budget, events); the events say where the contact details came from.
     * The contact is kept beside the directory only once the start is certain, so a refusal stores nothing.
     *
     * @param request its {@code endUser} is ignored: the contact's username is used
     * @param provenance what the events and the card say about the contact details, e.g. "unmatched: contact details from the PSA"
     */
    public StartResult startAdHoc(StartRequest request, EndUser contact, String provenance) {
        if (!contact.adHoc() || !contact.username().startsWith(EndUser.AD_HOC_PREFIX)) {
            throw new IllegalArgumentException("not an ad-hoc end user: " + contact.username());
        }
        String customerKey = request.customer().strip().toLowerCase(Locale.ROOT);
        var customer = directory.customer(customerKey).or(() -> directory.customerByDomain(customerKey));
        if (customer.isEmpty() || !customer.get().slug().equals(contact.customer())) {
            return new Refused(Reason.UNKNOWN_CUSTOMER, "No customer '" + request.customer() + "'.");
        }
        if (!contact.enabled()) {
            return new Refused(Reason.USER_DISABLED, contact.displayName() + " is inactive and cannot be verified.");
        }
        return startFor(request, customer.get(), contact, Optional.of(provenance));
    }

    private StartResult startFor(StartRequest request, Customer customer, EndUser user, Optional<String> adHoc) {
        var policy = policies.of(customer);
        var plan = request.direction() == Direction.TECHNICIAN_TO_USER
                ? selector.reversePlan(reachability(user), policy.allowedMethods(), channels.available())
                : selector.plan(request.method(), reachability(user), policy.allowedMethods(), channels.available());
        if (plan instanceof DeliveryPlan.Impossible impossible) {
            return new Refused(Reason.METHOD_NOT_AVAILABLE, "Cannot verify " + user.displayName() + ": "
                    + impossible.reason() + ".");
        }
        Instant now = clock.instant();
        String id = drawn(secrets::newId, customer.slug());
        // The slot is named by the verification: given back if the start stores nothing after all.
        var verdict = budget.tryAcquire(customer.slug(), user.username(), request.technician(), policy.limits(), now, id);
        if (verdict != ChallengeBudget.Verdict.ALLOWED) {
            return rateLimited(request, customer, user, verdict, policy, now);
        }
        try {
            if (adHoc.isPresent()) {
                // Outlives the verification's stored form (HELPDESK_VERIFICATION_KEEP_FINISHED), so its card can still name them.
                directory.saveAdHocEndUser(user, AD_HOC_KEEP);
            }
            return create(id, request, customer, user, policy, (DeliveryPlan.Deliver) plan, now, adHoc);
        } catch (RuntimeException e) {
            giveBackUnlessStored(id, customer, user, request.technician());
            throw e;
        }
    }

    /* A write whose answer was lost may still have stored it: then the slot is its. Redis away: the slot stays spent (erring towards refusing). */
    private void giveBackUnlessStored(String id, Customer customer, EndUser user, Technician technician) {
        try {
            if (store.find(id).isEmpty()) {
                budget.giveBack(customer.slug(), user.username(), technician, id);
            }
        } catch (RuntimeException e) {
            // The start's own failure is what the caller must hear about.
        }
    }

    private StartResult create(String id, StartRequest request, Customer customer, EndUser user,
                               VerificationPolicy policy, DeliveryPlan.Deliver plan, Instant now, Optional<String> adHoc) {
        Method method = plan.method();
        Optional<String> code = method.usesCode() ? Optional.of(codes.generate(policy.codeLength())) : Optional.empty();
        Instant deadline = now.plus(policy.countdown());
        Optional<CodeDigest> digest = code.map(c -> codes.digest(id, c, codeExpiry(now)));
        var delivery = new ArrayList<DeliveryStep>();
        var steps = new ArrayList<VerificationEvent>();
        Method requested = request.method().orElse(method);
        var dualWhy = customer.policy().dualControl().why(user);
        boolean dualControl = dualWhy.isPresent();
        boolean reverse = request.direction() == Direction.TECHNICIAN_TO_USER;
        steps.add(new VerificationEvent(EventType.VERIFICATION_REQUESTED, now, "requested "
                + (reverse ? "reverse check (the user checks the technician) by " : "") + requested.name()
                + adHoc.map(p -> "; " + p).orElse("") + dualWhy.map(w -> "; dual control (" + w + "): a second technician confirms").orElse("")));
        for (var skip : plan.skipped()) {
            delivery.add(new DeliveryStep(now, skip.channel(), DeliveryStatus.NOT_POSSIBLE, skip.reason()));
            steps.add(new VerificationEvent(EventType.FALLBACK_USED, now,
                    requested.name() + " -> " + method.name() + ": " + skip.describe()));
        }
        var v = Verification.builder().id(id).customer(customer.slug()).endUser(user.username())
                .technician(request.technician()).channel(request.channel()).requestedMethod(requested).method(method)
                .state(State.PENDING).createdAt(now).expiresAt(deadline).code(digest)
                .challengeId(drawn(() -> secrets.newSecret(18), customer.slug())).delivery(delivery)
                .direction(request.direction())
                // Decided once, at the start: a policy changed meanwhile does not move a running verification.
                .dualControl(dualControl).dualControlWhy(dualWhy).build();
        if (!store.create(v, VerificationAudit.rows(v, steps))) {
            throw new IllegalStateException("verification id collision");
        }
        var stored = store.find(id).orElse(v);
        publisher.publish(new VerificationChange(stored, steps, code));
        return new StartResult.Started(stored, code);
    }

    private StartResult rateLimited(StartRequest request, Customer customer, EndUser user,
                                    ChallengeBudget.Verdict verdict, VerificationPolicy policy, Instant now) {
        var limits = policy.limits();
        String window = minutes(limits.window());
        String message = switch (verdict) {
            case USER_LIMIT -> user.displayName() + " already received " + limits.perUser() + " challenges in the last "
                    + window + ". To protect them from push bombing, wait before sending another.";
            case TECHNICIAN_LIMIT -> "You have started " + limits.perTechnician() + " verifications in the last "
                    + window + ". Wait a few minutes, or ask an admin to raise the limit.";
            // Many users at once is what SMS bombing (and a runaway SMS bill) looks like.
            case CUSTOMER_LIMIT -> customer.name() + "'s users have received " + limits.perCustomer()
                    + " challenges in the last " + window + ", the customer's limit. Wait a few minutes, or ask an "
                    + "admin to raise the customer's maxChallengesPerCustomer.";
            case GLOBAL_LIMIT -> "The service has sent " + limits.global() + " challenges in the last " + window
                    + ", its overall limit. Wait a few minutes, or ask an admin to raise "
                    + "HELPDESK_VERIFICATION_MAX_CHALLENGES_GLOBAL.";
            case ALLOWED -> throw new IllegalArgumentException("not a refusal");
        };
        String reason = switch (verdict) {
            case USER_LIMIT -> "end-user limit";
            case TECHNICIAN_LIMIT -> "technician limit";
            case CUSTOMER_LIMIT -> "customer limit";
            default -> "global limit";
        };
        Technician t = request.technician();
        events.append(new AuditEvent("", EventType.RATE_LIMITED, now, customer.slug(), user.username(), t.name(),
                t.key(), t.platform().name(), request.channel(), request.method().map(Method::name).orElse(""), "", "",
                reason));
        return new Refused(Reason.RATE_LIMITED, message);
    }

    public Optional<Verification> find(String id) {
        return store.find(id);
    }

    /* Random ids until one the store keeps with the customer's keys: about 16 draws, each a few µs. */
    private String drawn(java.util.function.Supplier<String> draw, String customer) {
        String id = draw.get();
        while (!store.keepsTogether(id, customer)) {
            id = draw.get();
        }
        return id;
    }

    public Optional<Verification> findByChallenge(String challengeId) {
        return store.findByChallenge(challengeId);
    }

    public List<Verification> awaitingUser(String customer, String endUser) {
        return store.awaitingUser(customer, endUser);
    }

    /**
     * Approve or deny: the requesting technician's decision or, while a high-risk verification waits
     * for it ({@link State#AWAITING_SECOND}), a second technician's. Racing confirmers settle on one
     * outcome by the same compare-and-set as every move.
     */
    public ActionResult decide(String id, Technician who, boolean approve) {
        return apply(id, who, v -> transitions.technicianDecide(v, who, approve, clock.instant()), Optional.empty());
    }

    public ActionResult cancel(String id, Technician who) {
        return apply(id, who, v -> transitions.cancel(v, who, clock.instant()), Optional.empty());
    }

    public ActionResult userApprove(String id, Optional<String> typedCode) {
        return apply(id, null, v -> transitions.userApprove(v, typedCode, clock.instant()), Optional.empty());
    }

    public ActionResult userDeny(String id) {
        return apply(id, null, v -> transitions.userDeny(v, clock.instant()), Optional.empty());
    }

    /** The user says they did not ask for this challenge: denied, and reported (USER_REPORTED). */
    public ActionResult userReport(String id) {
        return apply(id, null, v -> transitions.userReport(v, clock.instant()), Optional.empty());
    }

    /** The user's answer to a reverse check: the technician's code matches the one they received, or not. */
    public ActionResult userConfirm(String id, boolean match) {
        return apply(id, null, v -> transitions.userConfirm(v, match, clock.instant()), Optional.empty());
    }

    public ActionResult markSent(String id, Channel channel, String detail) {
        return apply(id, null, v -> transitions.markSent(v, channel, detail, clock.instant()), Optional.empty());
    }

    public ActionResult deliveryProgress(String id, DeliveryStep step) {
        return apply(id, null, v -> transitions.deliveryProgress(v, step), Optional.empty());
    }

    /**
     * The current channel failed at run time: take the next rung of the ladder with a fresh code
     * (never the old one: a verified-push code may already have been said aloud) and a fresh countdown.
     */
    public ActionResult fallBack(String id, String why) {
        var current = store.find(id);
        if (current.isEmpty()) {
            return new ActionResult.NotFound();
        }
        var v0 = current.get();
        var customer = directory.customer(v0.customer());
        var user = directory.endUser(v0.customer(), v0.endUser());
        if (customer.isEmpty() || user.isEmpty()) {
            return apply(id, null, v -> transitions.deliveryFailed(v, "the end user is no longer in the directory",
                    clock.instant()), Optional.empty());
        }
        var policy = policies.of(customer.get());
        var plan = selector.next(v0.method(), why, reachability(user.get()), policy.allowedMethods(), channels.available());
        if (plan instanceof DeliveryPlan.Impossible impossible) {
            return apply(id, null, v -> transitions.deliveryFailed(v, impossible.skipped(), impossible.reason(),
                    clock.instant()), Optional.empty());
        }
        var deliver = (DeliveryPlan.Deliver) plan;
        Instant now = clock.instant();
        Instant deadline = now.plus(policy.countdown());
        String code = codes.generate(policy.codeLength());
        var digest = codes.digest(id, code, codeExpiry(now));
        return apply(id, null, v -> transitions.fallback(v, deliver.method(), deliver.skipped(),
                Optional.of(digest), deadline, now), Optional.of(code));
    }

    public ActionResult deliveryFailed(String id, String why) {
        return apply(id, null, v -> transitions.deliveryFailed(v, why, clock.instant()), Optional.empty());
    }

    /**
     * Expires what is due. Safe to call from every instance at once: each due verification is
     * claimed by exactly one caller, and the expiry itself is a compare-and-set.
     *
     * @return how many verifications this call expired
     */
    public int expireDue(int max, Duration lease) {
        int expired = 0;
        var claimed = store.claimDue(clock.instant(), max, lease);
        var renewAt = clock.instant().plus(lease.dividedBy(2));
        for (int i = 0; i < claimed.size(); i++) {
            String id = claimed.get(i);
            // The lease is short so that a dead instance's claims come back in seconds; a live one that is
            // slow (a Redis hiccup) keeps the claims it has not reached yet by pushing them a lease ahead.
            if (clock.instant().isAfter(renewAt)) {
                for (String waiting : claimed.subList(i, claimed.size())) {
                    store.reschedule(waiting, clock.instant().plus(lease));
                }
                renewAt = clock.instant().plus(lease.dividedBy(2));
            }
            var result = apply(id, null, v -> transitions.expire(v, clock.instant()), Optional.empty());
            if (result instanceof ActionResult.Refused refused && refused.rejection() == Rejection.NOT_DUE) {
                store.reschedule(id, refused.verification().expiresAt());
                continue;
            }
            if (result instanceof ActionResult.Done) {
                expired++;
            }
            store.release(id);
        }
        return expired;
    }

    /** Records a click by someone other than the requesting technician. */
    private void recordUnauthorized(Verification v, Technician intruder) {
        events.append(VerificationAudit.row(v, EventType.UNAUTHORIZED_ACTION, clock.instant(),
                "pressed by " + intruder.name() + ", who did not request this verification", intruder));
    }

    private ActionResult apply(String id, Technician actor, Function<Verification, Transition> move,
                               Optional<String> newCode) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            var current = store.find(id);
            if (current.isEmpty()) {
                return new ActionResult.NotFound();
            }
            var v = current.get();
            var t = move.apply(v);
            if (t instanceof Transition.Rejected r) {
                if (r.rejection() == Rejection.NOT_YOUR_VERIFICATION && actor != null) {
                    recordUnauthorized(v, actor);
                }
                return new ActionResult.Refused(r.rejection(), v);
            }
            Verification next;
            List<VerificationEvent> steps;
            if (t instanceof Transition.Applied a) {
                next = a.next();
                steps = a.events();
            } else {
                next = ((Transition.CodeMismatch) t).next();
                steps = List.of();
            }
            var stored = store.replace(v, next, VerificationAudit.rows(next, steps));
            if (stored.isEmpty()) {
                continue;
            }
            if (!steps.isEmpty() || t instanceof Transition.Applied) {
                publisher.publish(new VerificationChange(stored.get(), steps, newCode));
            }
            return t instanceof Transition.CodeMismatch m
                    ? new ActionResult.WrongCode(stored.get(), m.attemptsLeft())
                    : new ActionResult.Done(stored.get());
        }
        throw new IllegalStateException("verification " + id + " is changing too fast to settle");
    }

    private Reachability reachability(EndUser user) {
        return Reachability.of(user, directory.devices(user.customer(), user.username()));
    }

    /**
     * A code outlives the countdown (push + code still needs the technician's comparison after the
     * user approved) but never {@link Codes#MAX_VALIDITY}; a final state wipes it anyway.
     */
    private static Instant codeExpiry(Instant now) {
        return now.plus(Codes.MAX_VALIDITY);
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m == 1 ? "minute" : m + " minutes";
    }
}
