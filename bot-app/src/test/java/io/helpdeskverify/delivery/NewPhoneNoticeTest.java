package io.helpdeskverify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.testsupport.SharedFiles;
import io.helpdeskverify.verification.VerificationService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The new-phone notice through the real SMTP and Twilio senders: by email when the user has one,
 * else by SMS, never to the phone; a refused notice is logged without the contact and the
 * enrolment stands.
 */
@HelpdeskTest
class NewPhoneNoticeTest extends DeliveryFakes {

    private static final String TEXT = "A new phone was added to your Test MSP verification app on ";

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger logger;
    private Level level;

    @BeforeEach
    void capture() {
        logger = (Logger) LoggerFactory.getLogger(NewPhoneNotices.class);
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
        logger.setLevel(level);
    }

    @Test
    void theNoticeGoesByEmailWhenTheUserHasOne() throws Exception {
        var world = new DeliveryWorld(new Api(port), verifications);
        String mobile = DeliveryWorld.mobile();
        String email = Fixtures.unique("nia") + "@acme.example";
        String user = world.user(mobile, email);

        world.enrol(user, true);

        var mail = await().until(() -> DeliveryWorld.noticesTo(email), l -> !l.isEmpty()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Test MSP: a new phone was added to your verification app");
        assertThat(mail.getFrom()[0].toString()).contains("Test MSP").contains(SMTP_FROM);
        assertThat((String) mail.getContent()).startsWith(TEXT).contains("If this was not you, call Test MSP now.");
        assertThat(smsTo(mobile)).as("email first; nothing by SMS").isEmpty();
        assertThat(lines()).anyMatch(l -> l.contains("told of the new phone by email"))
                .noneMatch(l -> l.contains(email) || l.contains(mobile.substring(2)));
    }

    @Test
    void withoutEmailItGoesBySmsAndARefusalLeavesTheEnrolment() {
        var api = new Api(port);
        var world = new DeliveryWorld(api, verifications);
        String mobile = DeliveryWorld.mobile();
        world.enrol(world.user(mobile, null), true);

        var sms = await().until(() -> smsTo(mobile), l -> !l.isEmpty()).get(0);
        assertThat(sms.get("Body")).startsWith(TEXT).endsWith("If this was not you, call Test MSP now.");
        assertThat(sms).doesNotContainKey("StatusCallback");

        // Twilio refuses the next one, quoting the number as it does.
        String refused = DeliveryWorld.mobile();
        WIREMOCK.stubFor(post(urlPathEqualTo(TWILIO_SEND)).atPriority(1)
                .withRequestBody(containing(URLEncoder.encode(refused, StandardCharsets.UTF_8)))
                .withRequestBody(containing("new+phone"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(SharedFiles.fixtureText("twilio_error_21211_constructed.json").replace("5551234567", refused))));
        String refusedUser = world.user(refused, null);
        world.enrol(refusedUser, true);

        await().until(() -> lines().stream().anyMatch(l -> l.contains("new-phone notice by SMS was not sent")));
        assertThat(lines()).noneMatch(l -> l.contains(refused.substring(2)));
        var devices = api.get("/api/v1/customers/acme/end-users/" + refusedUser + "/devices");
        assertThat(devices.json()).as("the enrolment stands").hasSize(1);
    }

    private static List<Map<String, String>> smsTo(String mobile) {
        return DeliveryFakes.WIREMOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(TWILIO_SEND))
                .map(e -> DeliveryWorld.form(e.getRequest().getBodyAsString()))
                .filter(f -> mobile.equals(f.get("To")) && f.getOrDefault("Body", "").contains("new phone"))
                .toList();
    }

    private List<String> lines() {
        return List.copyOf(captured.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
