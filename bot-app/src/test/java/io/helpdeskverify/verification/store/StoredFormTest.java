package io.helpdeskverify.verification.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.CodeDigest;
import io.helpdeskverify.verification.DecidedBy;
import io.helpdeskverify.verification.DeliveryStep;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compact stored form of a verification round-trips exactly, and older stored forms still read. */
class StoredFormTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123Z");
    /* As Spring Boot configures it (application.yml: non_absent, ISO dates). */
    private final ObjectMapper boot = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT);
    private final ObjectMapper stored = RedisVerificationStore.compact(boot);

    @Test
    void aFreshVerificationRoundTripsWithEmptyFieldsLeftOut() throws Exception {
        var v = Verification.builder().id("v1").customer("acme").endUser("alice")
                .technician(new Technician(Platform.SLACK, "U1", "Tina")).method(Method.PUSH).state(State.PENDING)
                .createdAt(T0).expiresAt(T0.plusSeconds(60)).version(1).build();
        String json = stored.writeValueAsString(v);
        assertThat(json).doesNotContain("\"final\"", "\"ch\"", "\"r\"", "\"w\"", "2026-11-24");
        assertThat(json).startsWith("{\"i\":\"v1\",\"c\":\"acme\",\"u\":\"alice\",\"t\":{\"p\":\"SLACK\"");
        assertThat(stored.readValue(json, Verification.class)).isEqualTo(v);
    }

    @Test
    void aDecidedVerificationRoundTrips() throws Exception {
        var tom = new Technician(Platform.TEAMS, "29:abc", "Tom");
        var v = Verification.builder().id("v2").customer("acme").endUser("bob").technician(tom).channel("C1")
                .requestedMethod(Method.PUSH).method(Method.SMS_CODE).state(State.APPROVED).createdAt(T0)
                .expiresAt(T0.plusSeconds(60)).code(Optional.of(new CodeDigest("ab".repeat(32), T0.plusSeconds(600))))
                .challengeId("ch2").wrongCodeAttempts(2)
                .delivery(List.of(new DeliveryStep(T0, Channel.SMS, DeliveryStep.DeliveryStatus.values()[0], "queued")))
                .decision(Optional.of(T0.plusSeconds(30)), Optional.of(DecidedBy.technician(tom)), "because").version(7)
                .build();
        String json = stored.writeValueAsString(v);
        assertThat(json.length()).isLessThan(boot.writeValueAsString(v).length());
        assertThat(stored.readValue(json, Verification.class)).isEqualTo(v);
    }

    @Test
    void aDualControlledVerificationKeepsBothTechniciansWithTheirIdentities() throws Exception {
        var tina = new Technician(Platform.SLACK, "U1", "Tina");
        var sam = new Technician(Platform.SLACK, "U3", "Sam");
        var v = Verification.builder().id("v5").customer("acme").endUser("ceo").technician(tina)
                .method(Method.SMS_CODE).state(State.APPROVED).createdAt(T0).expiresAt(T0.plusSeconds(60))
                .dualControl(true).dualControlWhy(Optional.of("member of Domain Admins")).firstApproval(Optional.of(tina))
                .decision(Optional.of(T0.plusSeconds(30)), Optional.of(DecidedBy.technician(sam)), "confirmed")
                .version(4).build();

        String json = stored.writeValueAsString(v);

        assertThat(json).contains("\"dcw\":\"member of Domain Admins\"");
        assertThat(json).contains("\"dc\":true", "\"fa\":{\"p\":\"SLACK\",\"i\":\"U1\"", "\"dt\":{\"p\":\"SLACK\",\"i\":\"U3\"");
        var read = stored.readValue(json, Verification.class);
        assertThat(read).isEqualTo(v);
        assertThat(read.secondTechnician()).contains(sam);
    }

    @Test
    void withoutDualControlNothingNewIsStored() throws Exception {
        var tina = new Technician(Platform.SLACK, "U1", "Tina");
        var v = Verification.builder().id("v6").customer("acme").endUser("alice").technician(tina)
                .method(Method.SMS_CODE).state(State.APPROVED).createdAt(T0).expiresAt(T0.plusSeconds(60))
                .decision(Optional.of(T0.plusSeconds(30)), Optional.of(DecidedBy.technician(tina)), "code matched")
                .version(2).build();

        assertThat(stored.writeValueAsString(v)).doesNotContain("\"dc\"", "\"fa\"", "\"dt\"", "\"dcw\"");
    }

    @Test
    void theFormWithFullNamesStillReads() throws Exception {
        String before = "{\"id\":\"v4\",\"customer\":\"acme\",\"endUser\":\"alice\",\"technician\":{\"platform\":\"SLACK\","
                + "\"id\":\"U1\",\"name\":\"Tina\"},\"channel\":\"C1\",\"requestedMethod\":\"PUSH_WITH_CODE\","
                + "\"method\":\"PUSH_WITH_CODE\",\"state\":\"SENT\",\"createdAt\":1795570284.812023754,"
                + "\"expiresAt\":1795570344.812023754,\"code\":{\"hash\":\"" + "ab".repeat(32) + "\","
                + "\"expiresAt\":1795570884.812023754},\"challengeId\":\"ch4\",\"wrongCodeAttempts\":1,"
                + "\"delivery\":[{\"at\":1795570284.925100309,\"channel\":\"PUSH\",\"status\":\"SENT\","
                + "\"detail\":\"to 1 device(s)\"}],\"version\":1}";
        Verification v = stored.readValue(before, Verification.class);
        assertThat(v.technician()).isEqualTo(new Technician(Platform.SLACK, "U1", "Tina"));
        assertThat(v.code().orElseThrow().hash()).isEqualTo("ab".repeat(32));
        assertThat(v.wrongCodeAttempts()).isEqualTo(1);
        assertThat(v.delivery()).hasSize(1);
        assertThat(stored.readValue(stored.writeValueAsString(v), Verification.class)).isEqualTo(v);
    }

    @Test
    void theOlderIsoFormStillReads() throws Exception {
        var v = Verification.builder().id("v3").customer("acme").endUser("carol")
                .technician(new Technician(Platform.SLACK, "U1", "Tina")).channel("C9").method(Method.EMAIL_CODE)
                .state(State.SENT).createdAt(T0).expiresAt(T0.plusSeconds(60)).challengeId("ch3").version(3).build();
        assertThat(stored.readValue(boot.writeValueAsString(v), Verification.class)).isEqualTo(v);
    }

    @Test
    void onlyAReverseCheckStoresItsDirection() throws Exception {
        var builder = Verification.builder().id("v6").customer("acme").endUser("erin")
                .technician(new Technician(Platform.SLACK, "U1", "Tina")).method(Method.SMS_CODE)
                .state(State.SENT).createdAt(T0).expiresAt(T0.plusSeconds(60)).challengeId("ch6").version(1);
        var usual = builder.build();
        var reverse = builder.direction(io.helpdeskverify.verification.Direction.TECHNICIAN_TO_USER).build();

        assertThat(stored.writeValueAsString(usual)).doesNotContain("\"dir\"");
        String json = stored.writeValueAsString(reverse);
        assertThat(json).contains("\"dir\":\"TECHNICIAN_TO_USER\"");
        assertThat(stored.readValue(json, Verification.class).reverse()).isTrue();
        assertThat(stored.readValue(stored.writeValueAsString(usual), Verification.class)).isEqualTo(usual);
    }

    @Test
    void whoDecidedIsStoredInTheWordsItAlwaysWas() throws Exception {
        var tina = new Technician(Platform.SLACK, "U1", "Tina");
        var v = Verification.builder().id("v5").customer("acme").endUser("dave").technician(tina).method(Method.SMS_CODE)
                .state(State.DENIED).createdAt(T0).expiresAt(T0.plusSeconds(60))
                .decision(Optional.of(T0.plusSeconds(5)), Optional.of(DecidedBy.technician(
                        new Technician(Platform.SLACK, "U1", "Tina T."))), "the technician denied").build();
        String json = stored.writeValueAsString(v);
        // An instance on the previous version reads this during a rolling upgrade.
        assertThat(json).contains("\"db\":\"Tina T.\"");
        assertThat(stored.readValue(json, Verification.class)).isEqualTo(v);
    }

    @Test
    void theDecidersStoredAsWordsReadTyped() throws Exception {
        assertThat(decider("VERIFIED", "user")).contains(DecidedBy.END_USER);
        assertThat(decider("EXPIRED", "timer")).contains(DecidedBy.TIMER);
        assertThat(decider("DELIVERY_FAILED", "delivery")).contains(DecidedBy.DELIVERY);
        assertThat(decider("APPROVED", "Tom")).contains(DecidedBy.technician(new Technician(Platform.SLACK, "U1", "Tom")));
        // Only a technician cancels: a technician named "user" stays a technician.
        assertThat(decider("CANCELLED", "user")).contains(DecidedBy.technician(new Technician(Platform.SLACK, "U1", "user")));
        assertThat(decider("SENT", null)).isEmpty();
    }

    private Optional<DecidedBy> decider(String state, String decidedBy) throws Exception {
        String before = "{\"id\":\"v6\",\"customer\":\"acme\",\"endUser\":\"erin\",\"technician\":{\"platform\":\"SLACK\","
                + "\"id\":\"U1\",\"name\":\"Tina\"},\"requestedMethod\":\"PUSH\",\"method\":\"PUSH\",\"state\":\"" + state
                + "\",\"createdAt\":\"2026-11-24T10:00:00Z\",\"expiresAt\":\"2026-11-24T10:01:00Z\",\"delivery\":[],"
                + (decidedBy == null ? "" : "\"decidedAt\":\"2026-11-24T10:00:30Z\",\"decidedBy\":\"" + decidedBy + "\",")
                + "\"version\":2}";
        return stored.readValue(before, Verification.class).decidedBy();
    }
}
