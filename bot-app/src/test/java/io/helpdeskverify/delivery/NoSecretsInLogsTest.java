package io.helpdeskverify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.testsupport.SharedFiles;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.VerificationService;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole ladder (dead push token → SMS → undelivered → email) and an SMS Twilio refuses, with
 * every log line captured at INFO and above: none may contain a code, the full mobile number or
 * the email address.
 */
@HelpdeskTest
class NoSecretsInLogsTest extends DeliveryFakes {

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
    }

    @Test
    void noCodeNumberOrAddressInAnyLogLine() throws Exception {
        var api = new Api(port);
        var world = new DeliveryWorld(api, verifications);
        String mobile = DeliveryWorld.mobile();
        String email = Fixtures.unique("liz") + "@acme.example";
        String user = world.user(mobile, email);
        String token = world.enrol(user, true);
        fcmAnswers(token, 404, "fcm_error_unregistered_constructed.json");
        String tech = Fixtures.unique("Lou");

        String id = world.start(user, "PUSH", tech).get("id").asText();
        world.awaitVerification(id, v -> v.state() == State.SENT);
        String smsCode = DeliveryWorld.twilioRequests(tech).get(0).get("Body").replaceAll(".*code (\\d{6}).*", "$1");
        new TwilioCallbacks(api).postSigned(TwilioCallbacks.status(DeliveryWorld.twilioSid(tech), "undelivered", "30005"));
        var mail = await().until(() -> DeliveryWorld.mailsTo(email), l -> !l.isEmpty()).get(0);
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        String emailCode = text.replaceAll("(?s).*Your code: (\\d{6}).*", "$1");
        // An SMS Twilio refuses: its error message quotes the number.
        String refusedMobile = DeliveryWorld.mobile();
        String refusedUser = world.user(refusedMobile, null);
        String refusedTech = Fixtures.unique("Rae");
        WIREMOCK.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TWILIO_SEND)).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(refusedTech.substring(4)))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SharedFiles.fixtureText("twilio_error_21211_constructed.json").replace("5551234567", refusedMobile))));
        String refusedId = world.start(refusedUser, "SMS_CODE", refusedTech).get("id").asText();
        world.awaitVerification(refusedId, v -> v.isFinal());

        assertThat(smsCode).matches("\\d{6}");
        assertThat(emailCode).matches("\\d{6}");
        var lines = lines();
        assertThat(lines).as("the flow logged something").anyMatch(l -> l.contains(id));
        for (String secret : List.of(smsCode, emailCode, mobile, mobile.substring(1), email, refusedMobile,
                refusedMobile.substring(2))) {
            assertThat(lines).as("log lines containing " + secret).noneMatch(l -> l.contains(secret));
        }
    }

    /** What our app and the SDKs logged; the fakes' own servers (which see the data by design) are left out. */
    private List<String> lines() {
        var out = new ArrayList<String>();
        for (ILoggingEvent e : List.copyOf(captured.list)) {
            String logger = e.getLoggerName();
            if (logger.startsWith("wiremock") || logger.startsWith("com.github.tomakehurst") || logger.startsWith("org.eclipse.jetty")
                    || logger.startsWith("com.icegreen")) {
                continue;
            }
            out.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        return out;
    }
}
