package io.helpdeskverify.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.store.DirectoryKeys;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.events.store.EventStreams;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationStore;
import io.helpdeskverify.verification.store.VerificationKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * An upgrade from the version before the Cluster key layout, on one Redis: the directory and the
 * verifications in flight, stored under the old names, are moved at start-up to their key shards
 * and read as before; the old audit stream is read where it is, globally and per customer.
 */
@HelpdeskTest
class LegacyKeyLayoutTest {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ObjectMapper boot;
    @Autowired
    ApplicationContext context;
    @Autowired
    DirectoryRepository directory;
    @Autowired
    VerificationStore store;
    @Autowired
    EventLog events;

    @Test
    void keysOfTheOldLayoutAreMovedAndTheOldEventsStillRead() throws Exception {
        String slug = Fixtures.unique("legacy");
        redis.opsForHash().put("hv:customers", slug, """
                {"slug":"%s","name":"Legacy Co","emailDomains":["%s.example"],"defaultRegion":"US","policy":{"allowedMethods":[]}}"""
                .formatted(slug, slug));
        redis.opsForHash().put("hv:domains", slug + ".example", slug);
        redis.opsForHash().put("hv:users:" + slug, "pat", """
                {"customer":"%s","username":"pat","displayName":"Pat","email":"pat@%s.example",
                 "mobile":"+12025550155","enabled":true,"source":"CSV","updatedAt":"2025-01-01T00:00:00Z"}"""
                .formatted(slug, slug));
        redis.opsForHash().put("hv:emails:" + slug, "pat@" + slug + ".example", "pat");

        String id = Fixtures.unique("legacy-v");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var v = Verification.builder().id(id).customer(slug).endUser("pat")
                .technician(new Technician(Platform.SLACK, "U1", "Tina")).channel("C1").method(Method.PUSH)
                .state(State.SENT).createdAt(now).expiresAt(now.plusSeconds(60)).challengeId("ch-" + id).version(2)
                .build();
        redis.opsForHash().put("hv:v:" + id, "ver", "2");
        redis.opsForHash().put("hv:v:" + id, "json", boot.writeValueAsString(v));
        redis.opsForSet().add("hv:awaiting:" + slug + ":pat", id);
        redis.opsForValue().set("hv:challenge:ch-" + id, id, Duration.ofMinutes(5));
        redis.opsForZSet().add("hv:expiry", id, now.plusSeconds(60).toEpochMilli());

        Instant before = now.minus(Duration.ofHours(1));
        var old = new AuditEvent("", EventType.VERIFICATION_REQUESTED, before, slug, "pat", "Tina", "U1", "SLACK", "",
                "PUSH", id, "", "requested PUSH");
        var fields = new LinkedHashMap<String, String>();
        var list = EventStreams.fields(old);
        for (int i = 0; i < list.size(); i += 2) {
            fields.put(list.get(i), list.get(i + 1));
        }
        RecordId eventId = RecordId.of(before.toEpochMilli() + "-0");
        redis.opsForStream().add(StreamRecords.newRecord().in("hv:events").ofMap(fields).withId(eventId));
        redis.opsForStream().add(StreamRecords.newRecord().in("hv:events:c:" + slug).ofMap(java.util.Map.of("e", ""))
                .withId(eventId));

        // What every start does before serving.
        context.getBeansOfType(SmartInitializingSingleton.class).values().stream()
                .filter(b -> b.getClass().getSimpleName().endsWith("KeyMigration"))
                .forEach(SmartInitializingSingleton::afterSingletonsInstantiated);

        assertThat(redis.hasKey("hv:customers")).isFalse();
        assertThat(redis.hasKey("hv:users:" + slug)).isFalse();
        assertThat(redis.hasKey("hv:v:" + id)).isFalse();
        assertThat(redis.hasKey("hv:expiry")).isFalse();
        assertThat(directory.customer(slug)).map(c -> c.name()).contains("Legacy Co");
        assertThat(directory.customerByDomain(slug + ".example")).isPresent();
        assertThat(directory.endUserByEmail(slug, "pat@" + slug + ".example")).isPresent();
        assertThat(store.find(id)).contains(v);
        assertThat(store.findByChallenge("ch-" + id)).contains(v);
        assertThat(store.awaitingUser(slug, "pat")).containsExactly(v);
        assertThat(redis.opsForZSet().score(VerificationKeys.expiry(id), id)).isEqualTo(now.plusSeconds(60).toEpochMilli());
        assertThat(redis.hasKey(DirectoryKeys.usersKey(slug))).isTrue();

        var own = events.query(new EventQuery(Optional.of(slug), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 100));
        assertThat(own).extracting(AuditEvent::id).containsExactly(eventId.getValue());
        var global = events.query(new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(before.minusSeconds(1)), Optional.of(before.plusSeconds(1)), 100));
        assertThat(global).extracting(AuditEvent::verificationId).contains(id);
    }
}
