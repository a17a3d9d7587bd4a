package io.helpdeskverify.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;

/** Builds directory data through the public API, with names unique to each test. */
public final class Fixtures {

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    /**
     * {@code prefix-1a2bx3c4d}: a letter in the middle, so never 7 digits in a row. Tests name
     * technicians with it and find their messages by that name, which must survive
     * {@code TechnicianName}'s phone-number rule (8 random hex characters are all digits ~5% of the time).
     */
    public static String unique(String prefix) {
        String hex = UUID.randomUUID().toString().substring(0, 8);
        return prefix + "-" + hex.substring(0, 4) + "x" + hex.substring(4);
    }

    /** A user of acme with a mobile and an email, no app. */
    public String userWithMobileAndEmail() {
        String u = unique("u");
        var r = api.post("/api/v1/customers/acme/end-users", """
                {"username":"%s","displayName":"Test %s","email":"%s@acme.example","mobile":"+12025550188"}"""
                .formatted(u, u, u));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return u;
    }

    /** A user of acme with an enrolled app (notifications on); returns the username and the device credentials. */
    public AppUser userWithApp() {
        String u = userWithMobileAndEmail();
        var token = api.post("/api/v1/customers/acme/end-users/" + u + "/enrolments", "{}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        var device = api.send("POST", "/api/v1/devices", """
                {"enrolmentToken":"%s","fcmToken":"fcm-%s","platform":"android","notificationsEnabled":true}"""
                .formatted(token.json().get("enrolmentToken").asText(), u), "application/json", null, Map.of());
        assertThat(device.status()).as(device.body()).isEqualTo(201);
        return new AppUser(u, device.json().get("deviceId").asText(), device.json().get("deviceSecret").asText());
    }

    /** Started by the API technician {@code Tech <technicianId>} (its own TECHNICIAN token). */
    public JsonNode start(String user, String method, String technicianId) {
        var r = api.technician("Tech " + technicianId).post("/api/v1/verifications", """
                {"customer":"acme","user":"%s","method":"%s"}""".formatted(user, method));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /**
     * A new customer (its own slug, so no other test meets its policy) whose dual-control policy marks
     * {@code highRiskUser} high-risk, set through the admin API, with that user (mobile and email) and
     * {@code otherUser} in its directory; returns the slug.
     */
    public String dualControlCustomer(String highRiskUser, String otherUser) {
        String slug = unique("dual");
        var c = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Dual %s","emailDomains":["%s.example"],"defaultRegion":"US",
                 "policy":{"dualControl":{"highRiskUsers":["%s@%s.example"]}}}""".formatted(slug, slug, slug,
                highRiskUser, slug));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        for (String u : new String[] {highRiskUser, otherUser}) {
            var r = api.post("/api/v1/customers/" + slug + "/end-users", """
                    {"username":"%s","displayName":"Test %s","email":"%s@%s.example","mobile":"+12025550188"}"""
                    .formatted(u, u, u, slug));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return slug;
    }

    public record AppUser(String username, String deviceId, String deviceSecret) {}
}
