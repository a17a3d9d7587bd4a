package io.helpdeskverify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test code only: the providers' fakes of {@link DeliveryFakes} for a test that has to extend
 * another base (a chat platform's), e.g. the reverse check from Slack through a real SMS.
 */
public final class DeliveryFakesForTests {

    /** The public URL the fakes' context sets: the links in SMS and email start with it. */
    public static final String PUBLIC_URL = DeliveryFakes.PUBLIC_URL;

    private DeliveryFakesForTests() {}

    /** Points the context's FCM, Twilio and SMTP at the fakes, as {@link DeliveryFakes} does. */
    public static void register(DynamicPropertyRegistry registry) {
        DeliveryFakes.providers(registry);
    }

    /** The bodies of the SMS the fake Twilio was asked to send that contain {@code text}. */
    public static List<String> smsBodiesContaining(String text) {
        return DeliveryWorld.twilioRequests(text).stream().map(f -> f.get("Body")).toList();
    }

    /** The FCM send requests for this device token, as JSON. */
    public static List<JsonNode> fcmRequests(String token) {
        return DeliveryWorld.fcmRequests(token);
    }
}
