package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A customer's security-alert rules through the admin API: set and read back on the customer, and
 * bad input is a problem (400 for a wrong shape, 422 for a wrong value) that changes nothing.
 */
@HelpdeskTest
class AlertPolicyApiTest {

    static final String ALERTS = """
            {"securityContact":"soc@%s.example","channel":{"platform":"Slack","id":"CALERTS1"},
             "quickDenial":"90s","refusals":5,"refusalWindow":"PT30M","contactChangeWindow":"2h","technicians":3,
             "techniciansWindow":"45m","disabled":["SEVERAL_TECHNICIANS","USER_REPORTED"]}""";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void theRulesAreReadBackAndAbsentFieldsStayAbsent() {
        String slug = customer();

        var r = api.patch("/api/v1/customers/" + slug, "{\"policy\":{\"alerts\":" + ALERTS.formatted(slug) + "}}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var alerts = api.get("/api/v1/customers/" + slug).json().path("policy").path("alerts");
        assertThat(alerts.path("securityContact").asText()).isEqualTo("soc@" + slug + ".example");
        assertThat(alerts.path("channel").path("platform").asText()).isEqualTo("slack");
        assertThat(alerts.path("channel").path("id").asText()).isEqualTo("CALERTS1");
        assertThat(alerts.path("quickDenial").asText()).isEqualTo("90s");
        assertThat(alerts.path("refusals").asInt()).isEqualTo(5);
        assertThat(alerts.path("refusalWindow").asText()).isEqualTo("30m");
        assertThat(alerts.path("contactChangeWindow").asText()).isEqualTo("2h");
        assertThat(alerts.path("technicians").asInt()).isEqualTo(3);
        assertThat(alerts.path("techniciansWindow").asText()).isEqualTo("45m");
        assertThat(alerts.path("disabled")).extracting(n -> n.asText())
                .containsExactly("SEVERAL_TECHNICIANS", "USER_REPORTED");

        var partial = api.patch("/api/v1/customers/" + slug, "{\"policy\":{\"alerts\":{\"refusals\":2}}}");
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        var after = api.get("/api/v1/customers/" + slug).json().path("policy").path("alerts");
        assertThat(after.path("refusals").asInt()).isEqualTo(2);
        assertThat(after.path("quickDenial").isMissingNode() || after.path("quickDenial").isNull()).isTrue();
        assertThat(after.path("disabled")).isEmpty();
    }

    static Stream<Arguments> badAlerts() {
        return Stream.of(
                Arguments.of("{\"disabled\":\"QUICK_DENIAL\"}", 400, ""),
                Arguments.of("{\"refusals\":\"many\"}", 400, ""),
                Arguments.of("{\"channel\":\"CALERTS\"}", 400, ""),
                Arguments.of("{\"securityContact\":\"not an email\"}", 422, "policy.alerts.securityContact"),
                Arguments.of("{\"channel\":{\"platform\":\"discord\",\"id\":\"C1\"}}", 422, "slack or teams"),
                Arguments.of("{\"channel\":{\"platform\":\"slack\",\"id\":\" \"}}", 422, "policy.alerts.channel.id"),
                Arguments.of("{\"refusals\":0}", 422, "policy.alerts.refusals"),
                Arguments.of("{\"technicians\":1}", 422, "policy.alerts.technicians"),
                Arguments.of("{\"quickDenial\":\"soon\"}", 422, "policy.alerts.quickDenial"),
                Arguments.of("{\"refusalWindow\":\"3d\"}", 422, "policy.alerts.refusalWindow"),
                Arguments.of("{\"techniciansWindow\":\"0s\"}", 422, "policy.alerts.techniciansWindow"),
                Arguments.of("{\"disabled\":[\"NO_SUCH_RULE\"]}", 422, "NO_SUCH_RULE"));
    }

    @ParameterizedTest
    @MethodSource("badAlerts")
    void aBadAlertPolicyIsAProblemAndChangesNothing(String alerts, int status, String detail) {
        String slug = customer();
        var set = api.patch("/api/v1/customers/" + slug, "{\"policy\":{\"alerts\":{\"refusals\":7}}}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        var r = api.patch("/api/v1/customers/" + slug, "{\"policy\":{\"alerts\":" + alerts + "}}");

        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains(detail);
        assertThat(api.get("/api/v1/customers/" + slug).json().path("policy").path("alerts").path("refusals").asInt())
                .isEqualTo(7);
    }

    private String customer() {
        String slug = Fixtures.unique("alertpol");
        var c = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Alerts %s","emailDomains":["%s.example"],"defaultRegion":"US"}"""
                .formatted(slug, slug, slug));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return slug;
    }
}
