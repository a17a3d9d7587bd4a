package io.helpdeskverify.verification.store;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.events.store.EventStreams;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.shared.store.KeyShards;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.CodeDigest;
import io.helpdeskverify.verification.Codes;
import io.helpdeskverify.verification.DeliveryStep;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Verifications in Redis: {@code "<version>|<json>"} per verification, the sorted sets of deadlines,
 * the challenge-id index and the awaiting-user sets, all changed together with the events by one
 * Lua script (see {@code write-verification.lua}), all in the verification's key shard
 * ({@link VerificationKeys}).
 */
@Repository
class RedisVerificationStore implements VerificationStore {

    /* How long the instance that issued a challenge has to send it (or say it is still trying) before another moves on. */
    static final Duration SEND_GRACE = Duration.ofSeconds(60);
    /* How long the instance that ended a verification has to show the outcome before another takes over. */
    static final Duration OUTCOME_GRACE = Duration.ofSeconds(15);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> WRITE =
            LuaScripts.load("write-verification.lua", List.class);

    private final StringRedisTemplate redis;
    private final DueSet expiries;
    private final StoredJson json;
    private final EventStreams streams;
    private final Clock clock;
    private final Duration keepFinal;

    RedisVerificationStore(StringRedisTemplate redis, ObjectMapper json, EventStreams streams, Clock clock,
                           StoreSettings settings) {
        this.redis = redis;
        this.expiries = new DueSet(redis, VerificationKeys.EXPIRY);
        this.json = new StoredJson(compact(json));
        this.streams = streams;
        this.clock = clock;
        this.keepFinal = settings.keepFinal();
    }

    @Override
    public Optional<Verification> find(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        String stored = orIfStoredBefore(() -> redis.opsForValue().get(key(id)), () -> {
            var fields = redis.<String, String>opsForHash().multiGet(key(id), List.of("ver", "json"));
            return fields.get(0) == null || fields.get(1) == null ? null : fields.get(0) + "|" + fields.get(1);
        });
        if (stored == null) {
            return Optional.empty();
        }
        int bar = stored.indexOf('|');
        return Optional.of(read(stored.substring(bar + 1)).withVersion(Long.parseLong(stored.substring(0, bar))));
    }

    /*
     * Earlier versions kept a verification as a hash and the awaiting users as a set; the write script
     * converts them on the next change. Until then a read meets WRONGTYPE and reads the old form.
     */
    private static <T> T orIfStoredBefore(Supplier<T> current, Supplier<T> before) {
        try {
            return current.get();
        } catch (InvalidDataAccessApiUsageException | RedisSystemException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).startsWith("WRONGTYPE")) {
                return before.get();
            }
            throw e;
        }
    }

    @Override
    public Optional<Verification> findByChallenge(String challengeId) {
        if (challengeId == null || challengeId.isBlank() || challengeId.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.opsForValue().get(challengeKey(challengeId))).flatMap(this::find);
    }

    @Override
    public List<Verification> awaitingUser(String customer, String endUser) {
        String key = awaitingKey(customer, endUser);
        Set<String> ids = orIfStoredBefore(() -> redis.opsForZSet().range(key, 0, -1),
                () -> redis.opsForSet().members(key));
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(this::find).flatMap(Optional::stream).filter(Verification::awaitsUser).toList();
    }

    @Override
    public boolean create(Verification v, List<AuditEvent> events) {
        return write("0", v, events).isPresent();
    }

    @Override
    public Optional<Verification> replace(Verification current, Verification next, List<AuditEvent> events) {
        return write(Long.toString(current.version()), next, events);
    }

    @Override
    public boolean keepsTogether(String id, String customer) {
        return KeyShards.same(id, customer);
    }

    @Override
    public List<String> claimDue(Instant now, int max, Duration lease) {
        return expiries.claimDue(now, max, lease);
    }

    @Override
    public void release(String id) {
        expiries.remove(id);
    }

    @Override
    public void reschedule(String id, Instant at) {
        expiries.schedule(id, at);
    }

    private Optional<Verification> write(String expectedVersion, Verification v, List<AuditEvent> events) {
        // Without events the script leaves the chains alone: nothing to wait for.
        return events.isEmpty() ? writeLinked(expectedVersion, v, events)
                : streams.oneAtATime(v.customer(), () -> writeLinked(expectedVersion, v, events));
    }

    private Optional<Verification> writeLinked(String expectedVersion, Verification v, List<AuditEvent> events) {
        String globalStream = EventStreams.globalStream(v.customer());
        String customerStream = EventStreams.customerStream(v.customer());
        // One hash tag for all of them (the ids were drawn in the customer's shard): one Cluster slot.
        List<String> keys = List.of(key(v.id()), VerificationKeys.expiry(v.id()), globalStream, customerStream,
                awaitingKey(v.customer(), v.endUser()), challengeKey(v.challengeId().isEmpty() ? v.id() : v.challengeId()),
                VerificationKeys.unpublished(v.id()), VerificationKeys.unsent(v.id()), EventStreams.headKey(globalStream),
                EventStreams.headKey(customerStream), EventStreams.indexesKey(globalStream));
        var linked = streams.link(v.customer(), events);
        for (int attempt = 1; ; attempt++) {
            List<?> reply = redis.execute(WRITE, keys, args(expectedVersion, v, events, linked).toArray());
            Objects.requireNonNull(reply, "the verification script returned nothing");
            long version = ((Number) reply.get(0)).longValue();
            if (version == -2) {
                // Another writer appended to a chain first: link the events after its heads and try again.
                var next = streams.afterConflict(v.customer(), EventStreams.heads(reply), attempt,
                        () -> EventStreams.storedHeads(redis, v.customer())).orElseThrow(() -> new IllegalStateException(
                                "the event chain kept moving: gave up after " + EventStreams.MAX_ATTEMPTS + " attempts"));
                linked = streams.link(v.customer(), events, next);
                continue;
            }
            if (version < 0) {
                return Optional.empty();
            }
            streams.appended(v.customer(), linked);
            return Optional.of(v.withVersion(version));
        }
    }

    private List<String> args(String expectedVersion, Verification v, List<AuditEvent> events,
                              EventStreams.Linked linked) {
        var args = new ArrayList<String>();
        args.add(expectedVersion);
        args.add(serialise(v));
        args.add(v.id());
        args.add(v.isFinal() ? "" : Long.toString(v.expiresAt().toEpochMilli()));
        args.add(v.awaitsUser() ? "add" : "rem");
        args.add(v.isFinal() ? Long.toString(keepFinal.toSeconds()) : "0");
        args.add(linked.expected().global());
        args.add("0".equals(expectedVersion) ? Long.toString(challengeIndexMillis(v)) : "0");
        args.add(Integer.toString(events.size()));
        // A chat verification's outcome must reach its cards and audit threads even if this
        // instance dies right after this write (RedisUnpublishedOutcomes); API ones have no cards.
        args.add(v.isFinal() && v.technician().platform() != Platform.API
                ? Long.toString(clock.instant().plus(OUTCOME_GRACE).toEpochMilli()) : "");
        args.add(unsent(v, events));
        args.add(linked.expected().customer());
        for (int i = 0; i < events.size(); i++) {
            List<String> fields = linked.fields().get(i);
            args.add(Integer.toString(fields.size() / 2));
            args.addAll(fields);
            args.add(linked.customerHashes().get(i));
        }
        return args;
    }

    /* A write that issues a challenge owes a send; one that leaves PENDING settles it; the others leave it be. */
    private String unsent(Verification v, List<AuditEvent> events) {
        if (v.state() != State.PENDING) {
            return "done";
        }
        boolean issues = events.stream().anyMatch(e -> e.type() == EventType.VERIFICATION_REQUESTED
                || e.type() == EventType.FALLBACK_USED);
        if (!issues) {
            return "keep";
        }
        // Within the first half of the countdown, so that a new challenge still leaves the user time.
        Instant now = clock.instant();
        Duration half = Duration.between(now, v.expiresAt()).dividedBy(2);
        Duration grace = half.compareTo(SEND_GRACE) < 0 ? half : SEND_GRACE;
        return Long.toString(now.plus(grace.isNegative() ? Duration.ZERO : grace).toEpochMilli());
    }

    /**
     * The stored form is about half of a live verification's Redis memory, so it is compact:
     * one- or two-letter property names ({@link StoredVerification} and the mix-ins below), instants as epoch seconds with their nanoseconds (lossless,
     * shorter than ISO-8601), no empty strings, no zero counter, and not the derived {@code final}
     * flag. Reading accepts the full names and ISO-8601 too, so verifications stored before stay
     * readable. The names are a storage format: never reuse one for another property.
     */
    static ObjectMapper compact(ObjectMapper base) {
        var mapper = base.copy().addMixIn(Verification.class, StoredVerification.Mixin.class)
                .addMixIn(Technician.class, StoredTechnician.class)
                .addMixIn(CodeDigest.class, StoredCode.class)
                .addMixIn(DeliveryStep.class, StoredDeliveryStep.class)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS);
        // Empty strings only: an empty list must stay, the record does not accept a missing one.
        mapper.configOverride(String.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                JsonInclude.Include.NON_EMPTY));
        return mapper;
    }

    private abstract static class StoredTechnician {
        @JsonProperty("p") @JsonAlias("platform") abstract Platform platform();
        @JsonProperty("i") @JsonAlias("id") abstract String id();
        @JsonProperty("n") @JsonAlias("name") abstract String name();
    }

    private abstract static class StoredCode {
        @JsonProperty("h") @JsonAlias("hash") abstract String hash();
        @JsonProperty("e") @JsonAlias("expiresAt") abstract Instant expiresAt();
    }

    private abstract static class StoredDeliveryStep {
        @JsonProperty("a") @JsonAlias("at") abstract Instant at();
        @JsonProperty("c") @JsonAlias("channel") abstract Channel channel();
        @JsonProperty("s") @JsonAlias("status") abstract DeliveryStep.DeliveryStatus status();
        @JsonProperty("d") @JsonAlias("detail") abstract String detail();
    }

    private String serialise(Verification v) {
        return json.write(v);
    }

    private Verification read(String value) {
        return json.read(value, Verification.class).orElseThrow();
    }

    private static String key(String id) {
        return VerificationKeys.verification(id);
    }

    /**
     * How long the challenge index lives, in ms; 0 writes none. Only the app answers by
     * challenge id, so only app methods get the index (email and SMS codes used to get one that
     * lived 7 days for nothing). It goes with the code: nothing can be answered after the deadline,
     * and no code outlives {@link Codes#MAX_VALIDITY}; until then a late answer still finds the
     * verification and is told it ended.
     */
    private long challengeIndexMillis(Verification v) {
        if (v.method().channel() != Channel.PUSH) {
            return 0;
        }
        var deadline = v.createdAt().plus(Codes.MAX_VALIDITY);
        if (v.expiresAt().isAfter(deadline)) {
            deadline = v.expiresAt();
        }
        return Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
    }

    private static String challengeKey(String challengeId) {
        return VerificationKeys.challenge(challengeId);
    }

    private static String awaitingKey(String customer, String endUser) {
        return VerificationKeys.awaiting(customer, endUser);
    }
}
