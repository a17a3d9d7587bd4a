package io.helpdeskverify.verification.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.CodeDigest;
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
        var v = new Verification("v1", "acme", "alice", new Technician(Platform.SLACK, "U1", "Tina"), "", Method.PUSH,
                Method.PUSH, State.PENDING, T0, T0.plusSeconds(60), Optional.empty(), "", 0, List.of(), Optional.empty(),
                "", "", 1);
        String json = stored.writeValueAsString(v);
        assertThat(json).doesNotContain("\"final\"", "\"ch\"", "\"r\"", "\"w\"", "2026-11-24");
        assertThat(json).startsWith("{\"i\":\"v1\",\"c\":\"acme\",\"u\":\"alice\",\"t\":{\"p\":\"SLACK\"");
        assertThat(stored.readValue(json, Verification.class)).isEqualTo(v);
    }

    @Test
    void aDecidedVerificationRoundTrips() throws Exception {
        var v = new Verification("v2", "acme", "bob", new Technician(Platform.TEAMS, "29:abc", "Tom"), "C1",
                Method.PUSH, Method.SMS_CODE, State.APPROVED, T0, T0.plusSeconds(60),
                Optional.of(new CodeDigest("ab".repeat(32), T0.plusSeconds(600))), "ch2", 2,
                List.of(new DeliveryStep(T0, Channel.SMS, DeliveryStep.DeliveryStatus.values()[0], "queued")),
                Optional.of(T0.plusSeconds(30)), "Tom", "because", 7);
        String json = stored.writeValueAsString(v);
        assertThat(json.length()).isLessThan(boot.writeValueAsString(v).length());
        assertThat(stored.readValue(json, Verification.class)).isEqualTo(v);
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
        var v = new Verification("v3", "acme", "carol", new Technician(Platform.SLACK, "U1", "Tina"), "C9",
                Method.EMAIL_CODE, Method.EMAIL_CODE, State.SENT, T0, T0.plusSeconds(60), Optional.empty(), "ch3", 0,
                List.of(), Optional.empty(), "", "", 3);
        assertThat(stored.readValue(boot.writeValueAsString(v), Verification.class)).isEqualTo(v);
    }
}
