package io.helpdeskverify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.helpdeskverify.chat.cards.DeliveryLines;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.ChatTechnicianStarts;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.VerificationService;
import java.util.Optional;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-side helpers: users through the API, and what each fake received for one technician. */
final class DeliveryWorld {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final VerificationService verifications;

    DeliveryWorld(Api api, VerificationService verifications) {
        this.api = api;
        this.verifications = verifications;
    }

    /*
     * The 100 fictional US mobiles (555-0100 to 0199), handed out in turn from a random start: the
     * fakes keep every request of the JVM, so a number drawn twice at random made one test see another
     * test's SMS. Unique for the first 100 users of a test run.
     */
    private static final AtomicInteger NEXT_MOBILE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100));

    static String mobile() {
        return "+120255501" + String.format("%02d", Math.floorMod(NEXT_MOBILE.getAndIncrement(), 100));
    }

    /** A user of acme; null contacts are left out. Returns the username. */
    String user(String mobile, String email) {
        String u = Fixtures.unique("d");
        var body = new StringBuilder("{\"username\":\"" + u + "\",\"displayName\":\"Dee " + u + "\"");
        if (mobile != null) {
            body.append(",\"mobile\":\"").append(mobile).append('"');
        }
        if (email != null) {
            body.append(",\"email\":\"").append(email).append('"');
        }
        var r = api.post("/api/v1/customers/acme/end-users", body.append('}').toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return u;
    }

    /** Enrols a phone for the user; its FCM token is returned. */
    String enrol(String username, boolean notifications) {
        var token = api.post("/api/v1/customers/acme/end-users/" + username + "/enrolments", "{}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        String fcmToken = "fcm-token-" + username;
        var device = api.send("POST", "/api/v1/devices", """
                {"enrolmentToken":"%s","fcmToken":"%s","platform":"android","notificationsEnabled":%s}"""
                .formatted(token.json().get("enrolmentToken").asText(), fcmToken, notifications),
                "application/json", null, Map.of());
        assertThat(device.status()).as(device.body()).isEqualTo(201);
        return fcmToken;
    }

    JsonNode start(String user, String method, String technician) {
        var r = api.technician(technician).post("/api/v1/verifications", """
                {"customer":"acme","user":"%s","method":"%s"}""".formatted(user, method));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Started by a Slack technician: a chat display name may hold markup (for the email's escaping). */
    String startAsSlackTechnician(String user, String method, String displayName) {
        return ChatTechnicianStarts.asSlackTechnician(verifications, "acme", user, Optional.of(Method.valueOf(method)),
                displayName, "C-delivery");
    }

    Verification awaitVerification(String id, java.util.function.Predicate<Verification> until) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> verifications.find(id).orElseThrow(), until);
    }

    List<String> cardLines(String id) {
        return DeliveryLines.of(verifications.find(id).orElseThrow().delivery()).stream()
                .map(l -> l.text()).toList();
    }

    /** Oldest first. */
    List<JsonNode> events(String verificationId) {
        var out = new ArrayList<JsonNode>();
        for (JsonNode e : api.get("/api/v1/events?customer=acme&limit=10000").json()) {
            if (e.get("verificationId").asText().equals(verificationId)) {
                out.add(0, e);
            }
        }
        return out;
    }

    List<String> eventTypes(String verificationId) {
        return events(verificationId).stream().map(e -> e.get("type").asText()).toList();
    }

    /** The FCM send requests for this device token, as JSON. */
    static List<JsonNode> fcmRequests(String token) {
        return DeliveryFakes.WIREMOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(DeliveryFakes.FCM_SEND))
                .map(e -> json(e.getRequest().getBodyAsString()))
                .filter(j -> j.at("/message/token").asText().equals(token))
                .toList();
    }

    /** The Twilio create-message requests whose body mentions this technician, as form fields. */
    static List<Map<String, String>> twilioRequests(String technician) {
        return twilioEvents(technician).stream().map(e -> form(e.getRequest().getBodyAsString())).toList();
    }

    static List<ServeEvent> twilioEvents(String technician) {
        return DeliveryFakes.WIREMOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(DeliveryFakes.TWILIO_SEND))
                .filter(e -> form(e.getRequest().getBodyAsString()).getOrDefault("Body", "").contains(technician))
                .toList();
    }

    /** The SID Twilio (the fake) gave the SMS for this technician. */
    static String twilioSid(String technician) {
        var events = await().until(() -> twilioEvents(technician), l -> !l.isEmpty());
        return json(events.get(0).getResponse().getBodyAsString()).get("sid").asText();
    }

    /** The challenge emails to this address; the new-phone notice and enrolment links are left out. */
    static List<MimeMessage> mailsTo(String address) {
        return received(address).stream().filter(m -> !isNotice(m)).toList();
    }

    /** The new-phone notices to this address. */
    static List<MimeMessage> noticesTo(String address) {
        return received(address).stream().filter(DeliveryWorld::isNotice).toList();
    }

    private static List<MimeMessage> received(String address) {
        return Arrays.stream(DeliveryFakes.SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static boolean isNotice(MimeMessage m) {
        try {
            return m.getSubject() != null && (m.getSubject().contains("a new phone was added")
                    || m.getSubject().contains("set up your verification app"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        var out = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError(s, e);
        }
    }
}
