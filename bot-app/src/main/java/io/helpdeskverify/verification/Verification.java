package io.helpdeskverify.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One identity verification. Immutable: every change is a {@link Transitions} function that
 * returns a new value, which the store writes with a compare-and-set on {@code version}.
 *
 * @param channel the chat channel (Slack channel id, Teams conversation id) it was requested in, empty for the API
 * @param challengeId the id the mobile app answers with; unguessable, distinct from the verification id
 * <p>Built with {@link #builder()}; changed only by {@link Transitions} through the package-private
 * {@code toBuilder()}.
 *
 * @param decidedBy who ended it, present once it is final
 * @param dualControl the customer's dual-control policy covered this end user when it started: the
 *                    requesting technician's approval is not final, a second technician must confirm
 * @param firstApproval under dual control, the requesting technician once they approved (and the
 *                      verification waits for, or got, the second technician)
 * @param direction who checks whom; the reverse check is {@link Direction#TECHNICIAN_TO_USER}
 * @param dualControlWhy under dual control, why the policy covered the end user ("member of Domain Admins"),
 *                       for the card and the API; empty for verifications stored before it was kept
 */
public record Verification(
        String id,
        String customer,
        String endUser,
        Technician technician,
        String channel,
        Method requestedMethod,
        Method method,
        State state,
        Instant createdAt,
        Instant expiresAt,
        Optional<CodeDigest> code,
        String challengeId,
        int wrongCodeAttempts,
        List<DeliveryStep> delivery,
        Optional<Instant> decidedAt,
        Optional<DecidedBy> decidedBy,
        String reason,
        long version,
        boolean dualControl,
        Optional<Technician> firstApproval,
        Direction direction,
        Optional<String> dualControlWhy) {

    /** The reason a user's "I did not ask for this" records, and the technician's card shows. */
    public static final String USER_REPORTED_REASON = "the user says they did not request this";
    /** A reverse check's outcomes, as the card and the events say them. */
    public static final String CODES_MATCH_REASON = "the user confirmed the codes match";
    public static final String CODES_DO_NOT_MATCH_REASON = "the user says the codes do not match or they did not expect the call";

    public Verification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(endUser, "endUser");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(requestedMethod, "requestedMethod");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(decidedAt, "decidedAt");
        channel = channel == null ? "" : channel;
        challengeId = challengeId == null ? "" : challengeId;
        delivery = List.copyOf(delivery);
        decidedBy = decidedBy == null ? Optional.empty() : decidedBy;
        reason = reason == null ? "" : reason;
        firstApproval = firstApproval == null ? Optional.empty() : firstApproval;
        direction = direction == null ? Direction.USER_TO_TECHNICIAN : direction;
        dualControlWhy = dualControl && dualControlWhy != null ? dualControlWhy : Optional.empty();
    }

    /** Under dual control, the second technician who decided: present once one approved or denied. */
    public Optional<Technician> secondTechnician() {
        if (firstApproval.isEmpty() || state == State.AWAITING_SECOND) {
            return Optional.empty();
        }
        return decidedBy.flatMap(d -> d.technician()).filter(t -> !t.isSamePersonAs(technician));
    }

    /** The end user checks the technician ({@code /verify me to …}): the user's answer decides. */
    public boolean reverse() {
        return direction == Direction.TECHNICIAN_TO_USER;
    }

    /** Denied with "I did not ask for this" in the app. */
    public boolean userReported() {
        return state == State.USER_DENIED && USER_REPORTED_REASON.equals(reason);
    }

    public boolean isFinal() {
        return state.isFinal();
    }

    public Optional<Outcome> outcome() {
        return state.outcome();
    }

    /** Whether the mobile app should show this challenge: a push the user has not answered yet. */
    public boolean awaitsUser() {
        return method.channel() == Channel.PUSH && (state == State.PENDING || state == State.SENT);
    }

    /** A new verification: required are id, customer, endUser, technician, method, state, createdAt, expiresAt. */
    public static Builder builder() {
        return new Builder();
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** The same verification as the store wrote it, at the version the compare-and-set gave it. */
    public Verification withVersion(long newVersion) {
        return toBuilder().version(newVersion).build();
    }

    /**
     * Builds a new verification, and is the copy-with of the transitions. Its copy ({@code toBuilder})
     * is package-private so only {@link Transitions} change a verification; outside, it only makes
     * new ones. Unset optional parts start empty: no code, channel, challenge, delivery or decision.
     */
    public static final class Builder {
        private String id;
        private String customer;
        private String endUser;
        private Technician technician;
        private String channel = "";
        private Method requestedMethod;
        private Method method;
        private State state;
        private Instant createdAt;
        private Instant expiresAt;
        private Optional<CodeDigest> code = Optional.empty();
        private String challengeId = "";
        private int wrongCodeAttempts;
        private final List<DeliveryStep> delivery = new ArrayList<>();
        private Optional<Instant> decidedAt = Optional.empty();
        private Optional<DecidedBy> decidedBy = Optional.empty();
        private String reason = "";
        private long version;
        private boolean dualControl;
        private Optional<Technician> firstApproval = Optional.empty();
        private Optional<String> dualControlWhy = Optional.empty();
        private Direction direction = Direction.USER_TO_TECHNICIAN;

        private Builder() {}

        private Builder(Verification v) {
            this.id = v.id;
            this.customer = v.customer;
            this.endUser = v.endUser;
            this.technician = v.technician;
            this.channel = v.channel;
            this.requestedMethod = v.requestedMethod;
            this.method = v.method;
            this.state = v.state;
            this.createdAt = v.createdAt;
            this.expiresAt = v.expiresAt;
            this.code = v.code;
            this.challengeId = v.challengeId;
            this.wrongCodeAttempts = v.wrongCodeAttempts;
            this.delivery.addAll(v.delivery);
            this.decidedAt = v.decidedAt;
            this.decidedBy = v.decidedBy;
            this.reason = v.reason;
            this.version = v.version;
            this.dualControl = v.dualControl;
            this.firstApproval = v.firstApproval;
            this.dualControlWhy = v.dualControlWhy;
            this.direction = v.direction;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder customer(String value) {
            this.customer = value;
            return this;
        }

        public Builder endUser(String value) {
            this.endUser = value;
            return this;
        }

        public Builder technician(Technician value) {
            this.technician = value;
            return this;
        }

        /** The chat channel it was requested in; empty for the API. */
        public Builder channel(String value) {
            this.channel = value;
            return this;
        }

        /** What the technician asked for; without it, the method. */
        public Builder requestedMethod(Method value) {
            this.requestedMethod = value;
            return this;
        }

        public Builder method(Method m) {
            this.method = m;
            return this;
        }

        public Builder state(State s) {
            this.state = s;
            return this;
        }

        public Builder createdAt(Instant t) {
            this.createdAt = t;
            return this;
        }

        public Builder expiresAt(Instant t) {
            this.expiresAt = t;
            return this;
        }

        public Builder code(Optional<CodeDigest> c) {
            this.code = c;
            return this;
        }

        public Builder challengeId(String value) {
            this.challengeId = value;
            return this;
        }

        public Builder wrongCodeAttempts(int n) {
            this.wrongCodeAttempts = n;
            return this;
        }

        public Builder delivery(List<DeliveryStep> steps) {
            this.delivery.clear();
            this.delivery.addAll(steps);
            return this;
        }

        public Builder addDelivery(DeliveryStep step) {
            this.delivery.add(step);
            return this;
        }

        public Builder decided(Instant at, DecidedBy by, String why) {
            this.decidedAt = Optional.of(at);
            this.decidedBy = Optional.of(by);
            this.reason = why;
            // Single use: once final, the code can never be matched again.
            this.code = Optional.empty();
            return this;
        }

        /** The decision as stored (the store's reading of earlier forms); {@link #decided} is the transitions' way. */
        public Builder decision(Optional<Instant> at, Optional<DecidedBy> by, String why) {
            this.decidedAt = at;
            this.decidedBy = by;
            this.reason = why;
            return this;
        }

        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /** Whether a second technician must confirm the requester's approval (decided at the start). */
        public Builder dualControl(boolean value) {
            this.dualControl = value;
            return this;
        }

        /** Under dual control, the requesting technician's approval (as stored; the transitions set it). */
        public Builder firstApproval(Optional<Technician> value) {
            this.firstApproval = value;
            return this;
        }

        /** Why the policy covered the end user (kept only with {@link #dualControl(boolean)}). */
        public Builder dualControlWhy(Optional<String> value) {
            this.dualControlWhy = value;
            return this;
        }

        public Builder direction(Direction value) {
            this.direction = value;
            return this;
        }

        public Verification build() {
            return new Verification(id, customer, endUser, technician, channel,
                    requestedMethod == null ? method : requestedMethod, method, state, createdAt, expiresAt, code,
                    challengeId, wrongCodeAttempts, delivery, decidedAt, decidedBy, reason, version, dualControl,
                    firstApproval, direction, dualControlWhy);
        }
    }
}
