package io.helpdeskverify.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.helpdeskverify.testsupport.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The providers' fakes, started once per test JVM and shared by every delivery test (so they share
 * one Spring context): WireMock speaks FCM HTTP v1, Google's OAuth token endpoint and Twilio's
 * REST API from the shared fixtures; GreenMail is the SMTP server. The app reaches them only
 * through configuration, exactly as it would reach the real services.
 */
public abstract class DeliveryFakes {

    static final String PROJECT = "hv-test-project";
    static final String ACCOUNT_SID = "AC" + "0".repeat(32);
    static final String AUTH_TOKEN = "twilio-test-auth-token";
    static final String TWILIO_FROM = "+15005550006";
    static final String CALLBACK_URL = "https://hv.example.com/webhooks/twilio/status";
    static final String SMTP_FROM = "helpdesk@msp.example";
    static final String PUBLIC_URL = "https://hv.example.com";
    static final String FCM_SEND = "/v1/projects/" + PROJECT + "/messages:send";
    static final String TWILIO_SEND = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    static final WireMockServer WIREMOCK = new WireMockServer(WireMockConfiguration.options()
            .dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final Path SERVICE_ACCOUNT;

    static {
        WIREMOCK.start();
        SMTP.start();
        SERVICE_ACCOUNT = serviceAccount("http://127.0.0.1:" + WIREMOCK.port() + "/token");
        stubDefaults();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WIREMOCK.stop();
            SMTP.stop();
        }));
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry r) {
        String base = "http://127.0.0.1:" + WIREMOCK.port();
        r.add("helpdesk.firebase.credentials", SERVICE_ACCOUNT::toString);
        r.add("helpdesk.firebase.api-url", () -> base);
        r.add("helpdesk.twilio.account-sid", () -> ACCOUNT_SID);
        r.add("helpdesk.twilio.auth-token", () -> AUTH_TOKEN);
        r.add("helpdesk.twilio.from", () -> TWILIO_FROM);
        r.add("helpdesk.twilio.api-url", () -> base);
        r.add("helpdesk.twilio.status-callback-url", () -> CALLBACK_URL);
        r.add("helpdesk.smtp.host", () -> "127.0.0.1");
        r.add("helpdesk.smtp.port", () -> SMTP.getSmtp().getPort());
        r.add("helpdesk.smtp.from", () -> SMTP_FROM);
        r.add("helpdesk.smtp.security", () -> "none");
        // The links in enrolment messages and web pushes (the bot itself listens on 127.0.0.1).
        r.add("helpdesk.app.public-url", () -> PUBLIC_URL);
        // Fast back-off, and a countdown of 60 s that allows retries for about a second.
        r.add("helpdesk.delivery.retry-initial-delay", () -> "100ms");
        r.add("helpdesk.delivery.retry-max-delay", () -> "200ms");
        r.add("helpdesk.delivery.min-time-left", () -> "59s");
    }

    /** Google's token endpoint, FCM accepting every message, Twilio queueing every SMS with a fresh SID. */
    private static void stubDefaults() {
        WIREMOCK.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"fake-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        WIREMOCK.stubFor(post(urlEqualTo(FCM_SEND)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(SharedFiles.fixtureText("fcm_send_response.json"))));
        String created = SharedFiles.fixtureText("twilio_message_create_response.json")
                .replace("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SM{{randomValue length=32 type='HEXADECIMAL' lowercase=true}}")
                .replace("\"status\": \"sent\"", "\"status\": \"queued\"");
        WIREMOCK.stubFor(post(urlPathEqualTo(TWILIO_SEND)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(created)));
    }

    /** FCM answers this device token with the given fixture and HTTP status. */
    static void fcmAnswers(String token, int status, String fixture) {
        WIREMOCK.stubFor(post(urlEqualTo(FCM_SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(SharedFiles.fixtureText(fixture))));
    }

    static String fcmError(int httpStatus, String status, String errorCode) {
        return """
                {"error":{"code":%d,"message":"constructed for a test","status":"%s","details":[
                {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"%s"}]}}"""
                .formatted(httpStatus, status, errorCode);
    }

    private static Path serviceAccount(String tokenUri) {
        try {
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            var pair = keys.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            var json = new LinkedHashMap<String, String>();
            json.put("type", "service_account");
            json.put("project_id", PROJECT);
            json.put("private_key_id", "test-key-1");
            json.put("private_key", pem);
            json.put("client_email", "fcm-sender@" + PROJECT + ".iam.gserviceaccount.com");
            json.put("client_id", "1234567890");
            json.put("token_uri", tokenUri);
            Path file = Files.createTempFile("hv-service-account", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, new ObjectMapper().writeValueAsString(json));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
