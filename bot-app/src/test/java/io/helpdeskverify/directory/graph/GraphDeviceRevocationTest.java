package io.helpdeskverify.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.helpdeskverify.directory.graph.GraphImportTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user Microsoft 365 disables or removes loses its phones at the next sync. */
class GraphDeviceRevocationTest extends GraphTestBase {

    static final String DISABLED_ID = "7a1f0c2e-0000-4000-8000-00000000d001";
    static final String REMOVED_ID = "7a1f0c2e-0000-4000-8000-00000000d002";
    static final String STAYING_ID = "7a1f0c2e-0000-4000-8000-00000000d003";

    @Test
    void aSyncThatDisablesOrRemovesUsersRevokesTheirDevices() {
        String slug = customer();
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).willReturn(json(GraphFake.usersPage(null,
                GraphFake.user(DISABLED_ID, "dora@contoso.com", "Dora Dis", "+1 202 555 0161", false),
                GraphFake.user(REMOVED_ID, "rex@contoso.com", "Rex Rem", "+1 202 555 0162", true),
                GraphFake.user(STAYING_ID, "stan@contoso.com", "Stan Stay", "+1 202 555 0163", false)))));
        assertThat(connect(slug, tenant()).get("added").asInt()).isEqualTo(3);
        var dora = enrol(slug, "dora@contoso.com");
        var rex = enrol(slug, "rex@contoso.com");
        var stan = enrol(slug, "stan@contoso.com");
        // Graph's delta round: Dora's account switched off, Rex deleted, Stan not mentioned.
        var page = GraphFake.fixture("graph_users_delta_final_page.json");
        var value = page.putArray("value");
        value.addObject().put("id", DISABLED_ID).put("accountEnabled", false);
        value.addObject().put("id", REMOVED_ID).putObject("@removed").put("reason", "deleted");
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", equalTo(GraphFake.IMPORT_TOKEN))
                .withQueryParam("$skiptoken", absent()).willReturn(json(page.toString())));

        var report = sync(slug);

        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(devices(slug, "dora@contoso.com")).isEmpty();
        assertThat(devices(slug, "rex@contoso.com")).isEmpty();
        assertThat(devices(slug, "stan@contoso.com")).hasSize(1);
        assertThat(challenges(dora)).isEqualTo(401);
        assertThat(challenges(rex)).isEqualTo(401);
        assertThat(challenges(stan)).isEqualTo(200);
        JsonNode events = api.get("/api/v1/events?customer=" + slug + "&type=DEVICE_REVOKED").json();
        assertThat(events).hasSize(2);
        for (JsonNode e : events) {
            assertThat(e.get("user").asText()).isIn("dora@contoso.com", "rex@contoso.com");
            assertThat(e.get("technician").asText()).isEqualTo("Microsoft 365 sync");
            assertThat(e.get("reason").asText()).endsWith("revoked because the user was disabled by Microsoft 365 sync");
        }
    }

    private JsonNode enrol(String slug, String username) {
        var token = api.post("/api/v1/customers/" + slug + "/end-users/" + username + "/enrolments", "{}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        var device = api.send("POST", "/api/v1/devices", """
                {"enrolmentToken":"%s","fcmToken":"fcm-graph","platform":"android","notificationsEnabled":true}"""
                .formatted(token.json().get("enrolmentToken").asText()), "application/json", null, Map.of());
        assertThat(device.status()).as(device.body()).isEqualTo(201);
        return device.json();
    }

    private JsonNode devices(String slug, String username) {
        var r = api.get("/api/v1/customers/" + slug + "/end-users/" + username + "/devices");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private int challenges(JsonNode device) {
        return api.send("GET", "/api/v1/devices/" + device.get("deviceId").asText() + "/challenges", null, null,
                device.get("deviceSecret").asText(), Map.of()).status();
    }

}
