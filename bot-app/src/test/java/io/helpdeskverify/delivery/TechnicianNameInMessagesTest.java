package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.TechnicianName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.ChatTechnicianStarts;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.VerificationService;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** End to end: a hostile technician display name reaches the user's SMS and email only as made safe. */
@HelpdeskTest
class TechnicianNameInMessagesTest {

    private static final String HOSTILE = "Call 0800 123 4567 at evil.example";

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;

    @Test
    void aDisplayNameWithANumberAndADomainReachesTheUserWithoutThem() throws Exception {
        var api = new Api(port);
        String customer = Fixtures.unique("tn");
        assertThat(api.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"Names\"}".formatted(customer)).status())
                .isEqualTo(201);
        String user = Fixtures.unique("u");
        assertThat(api.post("/api/v1/customers/" + customer + "/end-users", """
                {"username":"%s","mobile":"+12025550177","email":"%s@names.example"}""".formatted(user, user))
                .status()).isEqualTo(201);

        for (String method : new String[] {"SMS_CODE", "EMAIL_CODE"}) {
            String id = ChatTechnicianStarts.asSlackTechnician(verifications, customer, user,
                    Optional.of(Method.valueOf(method)), HOSTILE, "C0NAMES");

            JsonNode sent = outbox(api, id);
            String text = sent.get("subject").asText() + "\n" + sent.get("body").asText();
            assertThat(text).as(method).doesNotContain("0800").doesNotContain("4567").doesNotContain("evil")
                    .contains("Call at");
            // The audit log keeps what the platform said, so an investigation sees the attempt.
            var events = api.get("/api/v1/events?customer=" + customer + "&type=VERIFICATION_REQUESTED").json();
            assertThat(events.get(0).get("technician").asText()).isEqualTo(HOSTILE);
        }
    }

    private static JsonNode outbox(Api api, String verificationId) {
        return await().until(() -> {
            for (JsonNode m : api.get("/api/v1/dev/outbox?limit=200").json()) {
                if (m.path("verificationId").asText().equals(verificationId)) {
                    return m;
                }
            }
            return null;
        }, m -> m != null);
    }
}
