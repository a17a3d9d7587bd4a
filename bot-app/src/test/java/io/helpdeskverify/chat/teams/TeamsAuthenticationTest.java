package io.helpdeskverify.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.VerificationService;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an app id, every activity needs a Bot Framework token the SDK accepts: issuer, audience,
 * signature by a published key endorsed for Teams, lifetime, and the serviceurl claim. Anything
 * less is a 401 and changes nothing. A single-tenant bot also refuses other tenants.
 */
class TeamsAuthenticationTest extends TeamsTestBase {

    private static final String APP_ID = "6f1b9a8e-0000-4000-8000-00000000a991";
    private static final BotFrameworkTokens TOKENS = new BotFrameworkTokens();
    @DynamicPropertySource
    static void teams(DynamicPropertyRegistry r) {
        r.add("teams.app-id", () -> APP_ID);
        r.add("teams.app-password", () -> "test-password-not-used-offline");
        r.add("teams.app-tenant-id", () -> TeamsClient.TENANT);
        r.add("teams.allow-anonymous", () -> "false");
        r.add("teams.openid-metadata-url", TOKENS::metadataUrl);
    }

    @Autowired
    VerificationService verifications;
    final Member tech = Member.random("Tom Tech");
    String verificationId;
    Conversation chat = Conversation.groupChat();

    @BeforeEach
    void aVerificationWaitingForTheTechnician() {
        String user = new Fixtures(api).userWithMobileAndEmail();
        // Started as the Teams technician through the service itself: the API may no longer claim to be one.
        var started = verifications.start(new StartRequest("acme", user, Optional.of(Method.SMS_CODE),
                new Technician(Platform.TEAMS, tech.id(), "Tom Tech"), chat.id()));
        assertThat(started).isInstanceOf(StartResult.Started.class);
        verificationId = ((StartResult.Started) started).verification().id();
        t.awaitState(verificationId, "SENT");
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @Test
    void aValidTokenIsAccepted() {
        var r = approve(TOKENS.token(APP_ID, fake.serviceUrl()));

        assertThat(t.invokeCard(r).toString()).contains("Verified");
        assertThat(t.state(verificationId)).isEqualTo("APPROVED");
    }

    @Test
    void noTokenIsRefused() {
        assertRefusedUnchanged(approve(null));
    }

    @Test
    void aTokenForAnotherAppIsRefused() {
        assertRefusedUnchanged(approve(TOKENS.token("another-app", fake.serviceUrl())));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefusedUnchanged(approve(TOKENS.token("https://evil.example", APP_ID, fake.serviceUrl(),
                Instant.now().plus(Duration.ofMinutes(30)))));
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefusedUnchanged(approve(TOKENS.token(BotFrameworkTokens.ISSUER, APP_ID, fake.serviceUrl(),
                Instant.now().minus(Duration.ofMinutes(10)))));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefusedUnchanged(approve(TOKENS.unsigned(APP_ID, fake.serviceUrl())));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertRefusedUnchanged(approve(TOKENS.forged(APP_ID, fake.serviceUrl())));
    }

    @Test
    void aTokenForAnotherServiceUrlIsRefused() {
        assertRefusedUnchanged(approve(TOKENS.token(APP_ID, "https://smba.trafficmanager.net/amer/")));
    }

    @Test
    void aSingleTenantBotRefusesAnotherTenant() {
        var activity = teams.actionActivity(tech, chat, "hv_approve", Map.of("verificationId", verificationId));
        activity.with("conversation").put("tenantId", "11111111-2222-3333-4444-555555555555");
        activity.with("channelData").with("tenant").put("id", "11111111-2222-3333-4444-555555555555");

        var r = teams.withToken(TOKENS.token(APP_ID, fake.serviceUrl())).post(activity);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("detail").asText()).contains("serves only the Microsoft 365 organisation");
        assertThat(t.state(verificationId)).isEqualTo("SENT");
        assertThat(t.eventTypes(verificationId)).doesNotContain("TECHNICIAN_APPROVED");
        assertThat(refusalsOf(tech)).anySatisfy(reason -> assertThat(reason)
                .contains("another Microsoft 365 tenant", "11111111-2222-3333-4444-555555555555"));
    }

    @Test
    void aSingleTenantBotRefusesAnActivityWithoutTenant() {
        var activity = teams.actionActivity(tech, chat, "hv_approve", Map.of("verificationId", verificationId));
        activity.with("conversation").remove("tenantId");
        activity.with("channelData").remove("tenant");

        var r = teams.withToken(TOKENS.token(APP_ID, fake.serviceUrl())).post(activity);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("acme", "Exception");
        assertThat(t.state(verificationId)).isEqualTo("SENT");
        assertThat(refusalsOf(tech)).anySatisfy(reason -> assertThat(reason).contains("without a Microsoft 365 tenant"));
    }

    private java.util.List<String> refusalsOf(Member who) {
        var reasons = new java.util.ArrayList<String>();
        api.get("/api/v1/events?type=UNAUTHORIZED_ACTION&limit=10000").json().forEach(e -> {
            if (e.path("technicianId").asText().equals("teams:" + who.id())) {
                reasons.add(e.path("reason").asText());
            }
        });
        return reasons;
    }

    private Api.Response approve(String token) {
        return teams.withToken(token).post(teams.actionActivity(tech, chat, "hv_approve",
                Map.of("verificationId", verificationId)));
    }

    private void assertRefusedUnchanged(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(t.state(verificationId)).isEqualTo("SENT");
        assertThat(t.eventTypes(verificationId)).doesNotContain("TECHNICIAN_APPROVED", "UNAUTHORIZED_ACTION");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(fake.calls()).isEmpty());
    }
}
