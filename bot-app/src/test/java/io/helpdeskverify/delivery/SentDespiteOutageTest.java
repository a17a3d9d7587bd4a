package io.helpdeskverify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.HelpdeskVerifyApplication;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.PausableRedis;
import io.helpdeskverify.testsupport.SharedFiles;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 20, "delivered but never marked sent": Twilio accepts the SMS while Redis is frozen
 * (SIGSTOP of a redis-server owned by this test, under a running instance). The verification
 * must not stay PENDING, fall back to another channel or send the SMS again: once Redis is back it
 * is SENT, with the provider's detail and a note that it was recorded late, and the audit log has
 * its CHALLENGE_SENT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentDespiteOutageTest {

    private PausableRedis redis;
    private ConfigurableApplicationContext app;
    private Api admin;

    @BeforeAll
    void start() throws IOException {
        redis = new PausableRedis();
        String fakes = "http://127.0.0.1:" + DeliveryFakes.WIREMOCK.port();
        app = new SpringApplicationBuilder(HelpdeskVerifyApplication.class).run("--spring.profiles.active=test",
                "--server.port=0", "--spring.data.redis.url=" + redis.url(),
                "--helpdesk.test.isolated-context=sent-despite-outage",
                "--helpdesk.twilio.account-sid=" + DeliveryFakes.ACCOUNT_SID,
                "--helpdesk.twilio.auth-token=" + DeliveryFakes.AUTH_TOKEN,
                "--helpdesk.twilio.from=" + DeliveryFakes.TWILIO_FROM, "--helpdesk.twilio.api-url=" + fakes,
                "--helpdesk.twilio.status-callback-url=" + DeliveryFakes.CALLBACK_URL);
        admin = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    void stop() throws Exception {
        redis.resume();
        if (app != null) {
            app.close();
        }
        redis.close();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void anSmsAcceptedWhileRedisIsFrozenIsRecordedAsSentOnceRedisIsBack() throws Exception {
        String mobile = DeliveryWorld.mobile();
        String user = "outage-" + Long.toHexString(System.nanoTime());
        assertThat(admin.post("/api/v1/customers/acme/end-users", """
                {"username":"%s","mobile":"%s"}""".formatted(user, mobile)).status()).isEqualTo(201);
        // Twilio takes a moment to answer this number: long enough to freeze Redis while it thinks.
        var toThisNumber = containing("To=" + mobile.replace("+", "%2B"));
        DeliveryFakes.WIREMOCK.stubFor(post(urlPathEqualTo(DeliveryFakes.TWILIO_SEND)).atPriority(1)
                .withRequestBody(toThisNumber)
                .willReturn(aResponse().withStatus(201).withFixedDelay(1_500).withHeader("Content-Type", "application/json")
                        .withBody(SharedFiles.fixtureText("twilio_message_create_response.json"))));
        var started = admin.technician("outage-tech").post("/api/v1/verifications",
                "{\"customer\":\"acme\",\"user\":\"%s\",\"method\":\"SMS_CODE\"}".formatted(user));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asText();

        var sms = postRequestedFor(urlPathEqualTo(DeliveryFakes.TWILIO_SEND)).withRequestBody(toThisNumber);
        await().atMost(Duration.ofSeconds(10)).until(() -> DeliveryFakes.WIREMOCK.findAll(sms).size() == 1);
        var confirmations = app.getBean(SentConfirmations.class);
        redis.pause();
        try {
            // Twilio's yes arrives, the 'sent' write finds Redis frozen and is queued for another try.
            await().atMost(Duration.ofSeconds(15)).until(() -> confirmations.pending() == 1);
        } finally {
            redis.resume();
        }

        var sent = await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/verifications/" + id),
                r -> r.status() == 200 && r.json().get("state").asText().equals("SENT"));
        assertThat(sent.json().get("method").asText()).as("no fallback").isEqualTo("SMS_CODE");
        var step = sent.json().get("delivery").get(sent.json().get("delivery").size() - 1);
        assertThat(step.get("status").asText()).isEqualTo("SENT");
        assertThat(step.get("detail").asText()).contains("to +1 ").contains("late: the data store was unavailable")
                .doesNotContain(mobile);
        assertThat(confirmations.pending()).isZero();
        assertThat(DeliveryFakes.WIREMOCK.findAll(sms)).as("the SMS was not sent again").hasSize(1);
        var events = admin.get("/api/v1/events?customer=acme&limit=50").json();
        assertThat(events.findValues("verificationId").stream().filter(v -> v.asText().equals(id)).count()).isPositive();
        boolean logged = false;
        for (var e : events) {
            logged |= e.get("verificationId").asText().equals(id) && e.get("type").asText().equals("CHALLENGE_SENT");
        }
        assertThat(logged).as("CHALLENGE_SENT in the audit log").isTrue();
    }
}
