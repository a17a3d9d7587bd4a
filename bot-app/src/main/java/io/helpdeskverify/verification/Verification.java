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
 * @param decidedBy who ended it: "user", the technician's name, "timer", "delivery"
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
        String decidedBy,
        String reason,
        long version) {

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
        decidedBy = decidedBy == null ? "" : decidedBy;
        reason = reason == null ? "" : reason;
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

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with for the transitions; package-private so only they change a verification. */
    static final class Builder {
        private final Verification from;
        private Method method;
        private State state;
        private Instant expiresAt;
        private Optional<CodeDigest> code;
        private int wrongCodeAttempts;
        private final List<DeliveryStep> delivery;
        private Optional<Instant> decidedAt;
        private String decidedBy;
        private String reason;

        private Builder(Verification v) {
            this.from = v;
            this.method = v.method;
            this.state = v.state;
            this.expiresAt = v.expiresAt;
            this.code = v.code;
            this.wrongCodeAttempts = v.wrongCodeAttempts;
            this.delivery = new ArrayList<>(v.delivery);
            this.decidedAt = v.decidedAt;
            this.decidedBy = v.decidedBy;
            this.reason = v.reason;
        }

        Builder method(Method m) {
            this.method = m;
            return this;
        }

        Builder state(State s) {
            this.state = s;
            return this;
        }

        Builder expiresAt(Instant t) {
            this.expiresAt = t;
            return this;
        }

        Builder code(Optional<CodeDigest> c) {
            this.code = c;
            return this;
        }

        Builder wrongCodeAttempts(int n) {
            this.wrongCodeAttempts = n;
            return this;
        }

        Builder addDelivery(DeliveryStep step) {
            this.delivery.add(step);
            return this;
        }

        Builder decided(Instant at, String by, String why) {
            this.decidedAt = Optional.of(at);
            this.decidedBy = by;
            this.reason = why;
            // Single use: once final, the code can never be matched again.
            this.code = Optional.empty();
            return this;
        }

        Verification build() {
            return new Verification(from.id, from.customer, from.endUser, from.technician, from.channel,
                    from.requestedMethod, method, state, from.createdAt, expiresAt, code, from.challengeId,
                    wrongCodeAttempts, delivery, decidedAt, decidedBy, reason, from.version);
        }
    }
}
