package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dual control through the admin API: the policy is set and read back on the customer, bad input
 * is a problem (400 for a wrong shape, 422 for a wrong value), and the requester's own second
 * decision is a 403 problem while another technician's completes the verification.
 */
@HelpdeskTest
class DualControlApiTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of("{\"highRiskUsers\":\"ceo\"}", 400, ""),
                Arguments.of("[1]", 400, ""),
                Arguments.of("{\"allVerifications\":\"maybe\"}", 400, ""),
                Arguments.of("{\"highRiskUsers\":[{\"u\":1}]}", 400, ""),
                Arguments.of("{\"highRiskUsers\":[\"  \"]}", 422, "highRiskUsers"),
                Arguments.of("{\"highRiskUsers\":[\"" + "x".repeat(321) + "\"]}", 422, "1 to 320 characters"),
                Arguments.of("{\"highRiskGroups\":\"Domain Admins\"}", 400, ""),
                Arguments.of("{\"highRiskGroups\":[\" \"]}", 422, "highRiskGroups"),
                Arguments.of("{\"highRiskGroups\":[\"" + "g".repeat(1025) + "\"]}", 422, "1 to 1024 characters"));
    }

    @ParameterizedTest
    @MethodSource("badPolicies")
    void aBadDualControlPolicyIsAProblemAndChangesNothing(String dualControl, int status, String detail) {
        String slug = new Fixtures(api).dualControlCustomer("ceo", "clerk");

        var r = api.patch("/api/v1/customers/" + slug, "{\"policy\":{\"dualControl\":" + dualControl + "}}");

        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains(detail);
        assertThat(api.get("/api/v1/customers/" + slug).json().path("policy").path("dualControl")
                .path("highRiskUsers").get(0).asText()).isEqualTo("ceo@" + slug + ".example");
    }

    @Test
    void thePolicyIsReadBackAndCanBeWidenedToEveryVerification() {
        String slug = new Fixtures(api).dualControlCustomer("ceo", "clerk");

        var r = api.patch("/api/v1/customers/" + slug,
                "{\"policy\":{\"dualControl\":{\"highRiskUsers\":[\"CEO\"],\"allVerifications\":true}}}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var dual = api.get("/api/v1/customers/" + slug).json().path("policy").path("dualControl");
        assertThat(dual.path("highRiskUsers").get(0).asText()).isEqualTo("ceo");
        assertThat(dual.path("allVerifications").asBoolean()).isTrue();
        String id = start(slug, "clerk", "Tech widened");
        await().until(() -> state(id).equals("SENT"));
        assertThat(decide(id, "Tech widened").json().path("state").asText()).isEqualTo("AWAITING_SECOND");
    }

    @Test
    void highRiskGroupsAreAcceptedAndReadBackAsSpelled() {
        String slug = new Fixtures(api).dualControlCustomer("ceo", "clerk");

        var r = api.patch("/api/v1/customers/" + slug, "{\"policy\":{\"dualControl\":{\"highRiskGroups\":"
                + "[\"Domain Admins\",\"CN=Executives,OU=Groups,DC=acme,DC=local\"]}}}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var dual = api.get("/api/v1/customers/" + slug).json().path("policy").path("dualControl");
        assertThat(dual.path("highRiskGroups").toString())
                .isEqualTo("[\"Domain Admins\",\"CN=Executives,OU=Groups,DC=acme,DC=local\"]");
        assertThat(dual.path("highRiskUsers")).as("the PATCH replaced the policy whole").isEmpty();
        // The directory's users are in no group: nobody is covered now.
        String id = start(slug, "ceo", "Tech groups");
        await().until(() -> state(id).equals("SENT"));
        assertThat(decide(id, "Tech groups").json().path("state").asText()).isEqualTo("APPROVED");
    }

    @Test
    void theRequesterIsForbiddenToConfirmAndAnotherTechnicianCompletes() {
        String slug = new Fixtures(api).dualControlCustomer("ceo", "clerk");
        String id = start(slug, "ceo", "Tech first");
        await().until(() -> state(id).equals("SENT"));

        var first = decide(id, "Tech first");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("state").asText()).isEqualTo("AWAITING_SECOND");
        assertThat(first.json().path("dualControl").asBoolean()).isTrue();
        assertThat(first.json().path("dualControlReason").asText()).isEqualTo("named high-risk user");
        assertThat(first.json().path("firstApprovedBy").asText()).isEqualTo("Tech first");
        assertThat(first.json().has("outcome")).as("not final yet").isFalse();

        var own = decide(id, "Tech first");
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.json().path("detail").asText()).contains("second technician");
        assertThat(state(id)).isEqualTo("AWAITING_SECOND");

        var second = decide(id, "Tech second");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("state").asText()).isEqualTo("APPROVED");
        assertThat(second.json().path("outcome").asText()).isEqualTo("VERIFIED");
        assertThat(second.json().path("firstApprovedBy").asText()).isEqualTo("Tech first");
        assertThat(second.json().path("decidedBy").asText()).isEqualTo("Tech second");

        var late = decide(id, "Tech third");
        assertThat(late.status()).as("a late confirmer is told it is decided").isEqualTo(409);
    }

    @Test
    void aUserWhoIsNotHighRiskIsDecidedByOneTechnician() {
        String slug = new Fixtures(api).dualControlCustomer("ceo", "clerk");
        String id = start(slug, "clerk", "Tech alone");
        await().until(() -> state(id).equals("SENT"));

        var alone = decide(id, "Tech alone").json();
        assertThat(alone.path("state").asText()).isEqualTo("APPROVED");
        assertThat(alone.has("dualControl")).isFalse();
        assertThat(alone.has("firstApprovedBy")).isFalse();
    }

    private String start(String slug, String user, String technician) {
        var r = api.technician(technician).post("/api/v1/verifications",
                "{\"customer\":\"%s\",\"user\":\"%s\",\"method\":\"SMS_CODE\"}".formatted(slug, user));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private Api.Response decide(String id, String technician) {
        return api.technician(technician).post("/api/v1/verifications/" + id + "/decision", "{\"decision\":\"approve\"}");
    }

    private String state(String id) {
        return api.get("/api/v1/verifications/" + id).json().path("state").asText();
    }
}
