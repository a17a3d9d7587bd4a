package io.helpdeskverify.verification.store;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.helpdeskverify.verification.CodeDigest;
import io.helpdeskverify.verification.DecidedBy;
import io.helpdeskverify.verification.DeliveryStep;
import io.helpdeskverify.verification.Direction;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A verification as Redis holds it: one- or two-letter names, each also read under its full name
 * (the form before), and {@code decidedBy} as the words it has always been stored as ("user",
 * "timer", "delivery" or the deciding technician's name). Keeping those words means verifications
 * stored before read unchanged, and an instance still on the previous version reads what this one
 * writes during a rolling upgrade. The names are a storage format: never reuse one for another
 * property.
 */
@JsonIgnoreProperties("final") // the derived flag, written by earlier versions
record StoredVerification(
        @JsonProperty("i") @JsonAlias("id") String id,
        @JsonProperty("c") @JsonAlias("customer") String customer,
        @JsonProperty("u") @JsonAlias("endUser") String endUser,
        @JsonProperty("t") @JsonAlias("technician") Technician technician,
        @JsonProperty("ch") @JsonAlias("channel") String channel,
        @JsonProperty("rm") @JsonAlias("requestedMethod") Method requestedMethod,
        @JsonProperty("m") @JsonAlias("method") Method method,
        @JsonProperty("s") @JsonAlias("state") State state,
        @JsonProperty("ca") @JsonAlias("createdAt") Instant createdAt,
        @JsonProperty("ea") @JsonAlias("expiresAt") Instant expiresAt,
        @JsonProperty("co") @JsonAlias("code") Optional<CodeDigest> code,
        @JsonProperty("ci") @JsonAlias("challengeId") String challengeId,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        @JsonProperty("w") @JsonAlias("wrongCodeAttempts") int wrongCodeAttempts,
        @JsonProperty("d") @JsonAlias("delivery") List<DeliveryStep> delivery,
        @JsonProperty("da") @JsonAlias("decidedAt") Optional<Instant> decidedAt,
        @JsonProperty("db") @JsonAlias("decidedBy") String decidedBy,
        @JsonProperty("r") @JsonAlias("reason") String reason,
        @JsonProperty("v") @JsonAlias("version") long version,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        @JsonProperty("dc") @JsonAlias("dualControl") boolean dualControl,
        @JsonInclude(JsonInclude.Include.NON_ABSENT)
        @JsonProperty("fa") @JsonAlias("firstApproval") Optional<Technician> firstApproval,
        /* The deciding technician when it is not the requester (dual control's second technician). */
        @JsonInclude(JsonInclude.Include.NON_ABSENT)
        @JsonProperty("dt") @JsonAlias("decidingTechnician") Optional<Technician> decidingTechnician,
        // Only a reverse check writes it: every other verification reads back as before, and as it always was.
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonProperty("dir") @JsonAlias("direction") Direction direction,
        // Why dual control covers the end user; absent before it was kept (and without dual control).
        @JsonInclude(JsonInclude.Include.NON_ABSENT)
        @JsonProperty("dcw") @JsonAlias("dualControlWhy") Optional<String> dualControlWhy) {

    static StoredVerification of(Verification v) {
        return new StoredVerification(v.id(), v.customer(), v.endUser(), v.technician(), v.channel(),
                v.requestedMethod(), v.method(), v.state(), v.createdAt(), v.expiresAt(), v.code(), v.challengeId(),
                v.wrongCodeAttempts(), v.delivery(), v.decidedAt(), v.decidedBy().map(StoredVerification::words).orElse(""),
                v.reason(), v.version(), v.dualControl(), v.firstApproval(),
                v.decidedBy().flatMap(d -> d.technician()).filter(t -> !t.isSamePersonAs(v.technician())),
                v.reverse() ? v.direction() : null, v.dualControlWhy());
    }

    Verification toVerification() {
        return Verification.builder().id(id).customer(customer).endUser(endUser).technician(technician)
                .channel(channel).requestedMethod(requestedMethod).method(method).state(state).createdAt(createdAt)
                .expiresAt(expiresAt).code(code == null ? Optional.empty() : code).challengeId(challengeId)
                .wrongCodeAttempts(wrongCodeAttempts).delivery(delivery == null ? List.of() : delivery)
                .decision(decidedAt == null ? Optional.empty() : decidedAt, decider(), reason).version(version)
                .dualControl(dualControl).firstApproval(firstApproval == null ? Optional.empty() : firstApproval)
                .direction(direction == null ? Direction.USER_TO_TECHNICIAN : direction)
                .dualControlWhy(dualControlWhy == null ? Optional.empty() : dualControlWhy).build();
    }

    private static String words(DecidedBy by) {
        return switch (by.kind()) {
            case END_USER -> "user";
            case TIMER -> "timer";
            case DELIVERY -> "delivery";
            case TECHNICIAN -> by.technician().orElseThrow().name();
        };
    }

    /*
     * Only the requesting technician may approve, deny or cancel (but for dual control's second
     * technician, stored whole in "dt"), so their platform identity comes
     * from the verification and the stored name is the one they had when they decided. The state
     * settles a technician who happens to be called "user" or "timer".
     */
    private Optional<DecidedBy> decider() {
        if (decidedBy == null || decidedBy.isEmpty()) {
            return Optional.empty();
        }
        if (decidingTechnician != null && decidingTechnician.isPresent()) {
            return Optional.of(DecidedBy.technician(decidingTechnician.get()));
        }
        boolean technicianState = state == State.APPROVED || state == State.DENIED || state == State.CANCELLED;
        if (technicianState) {
            return Optional.of(DecidedBy.technician(new Technician(technician.platform(), technician.id(), decidedBy)));
        }
        return Optional.of(switch (decidedBy) {
            case "user" -> DecidedBy.END_USER;
            case "timer" -> DecidedBy.TIMER;
            case "delivery" -> DecidedBy.DELIVERY;
            default -> DecidedBy.technician(new Technician(technician.platform(), technician.id(), decidedBy));
        });
    }

    /** Put on {@link Verification} as a mix-in: Jackson writes and reads it through this form. */
    @JsonSerialize(converter = Writing.class)
    @JsonDeserialize(converter = Reading.class)
    abstract static class Mixin {}

    static final class Writing extends StdConverter<Verification, StoredVerification> {
        @Override
        public StoredVerification convert(Verification v) {
            return of(v);
        }
    }

    static final class Reading extends StdConverter<StoredVerification, Verification> {
        @Override
        public Verification convert(StoredVerification s) {
            return s.toVerification();
        }
    }
}
