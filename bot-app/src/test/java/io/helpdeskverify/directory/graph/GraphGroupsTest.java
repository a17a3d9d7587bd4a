package io.helpdeskverify.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The Microsoft 365 import reads each user's groups ({@code transitiveMemberOf}, every page) for
 * dual control: groups and directory roles count, administrative units do not, a group Graph names
 * only by id (the app lacks GroupMember.Read.All) is known by its id, and a user whose groups Graph
 * refuses is still imported, reported.
 */
class GraphGroupsTest extends GraphTestBase {

    static final String GRADY = "11111111-0000-0000-0000-0000000000a1";
    static final String LEE = "11111111-0000-0000-0000-0000000000a2";
    static final String MEGAN = "11111111-0000-0000-0000-0000000000a3";
    static final String NESTOR = "11111111-0000-0000-0000-0000000000a4";
    static final String EXECUTIVES = "22222222-0000-0000-0000-000000000001";
    static final String GLOBAL_ADMIN_ROLE = "33333333-0000-0000-0000-000000000001";
    static final String HIDDEN_GROUP = "22222222-0000-0000-0000-000000000009";

    @Test
    void eachUsersGroupsAreImportedAndAHighRiskGroupCoversOnlyItsMembers() {
        String slug = customer();
        var patch = api.patch("/api/v1/customers/" + slug, "{\"policy\":{\"dualControl\":{\"highRiskGroups\":"
                + "[\"GLOBAL ADMINISTRATOR\",\"" + HIDDEN_GROUP + "\"]}}}");
        assertThat(patch.status()).as(patch.body()).isEqualTo(200);
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).willReturn(json(GraphFake.usersPage(null,
                user(GRADY, "grady@contoso.com", "Grady Archie"), user(LEE, "lee@contoso.com", "Lee Gu"),
                user(MEGAN, "megan@contoso.com", "Megan Bowen"), user(NESTOR, "nestor@contoso.com", "Nestor W")))));
        String next = "https://graph.microsoft.com/v1.0/users/" + GRADY
                + "/transitiveMemberOf?$select=id,displayName&$top=999&$skiptoken=m2";
        var first = (ObjectNode) readTree(GraphFake.memberOf(new String[] {"group", EXECUTIVES, "Executives"}));
        first.put("@odata.nextLink", next);
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/" + GRADY + "/transitiveMemberOf"))
                .withQueryParam("$skiptoken", absent()).willReturn(json(first.toString())));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/" + GRADY + "/transitiveMemberOf"))
                .withQueryParam("$skiptoken", equalTo("m2")).willReturn(json(GraphFake.memberOf(
                        new String[] {"directoryRole", GLOBAL_ADMIN_ROLE, "Global Administrator"},
                        new String[] {"administrativeUnit", "44444444-0000-0000-0000-000000000001", "Seattle"}))));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/" + LEE + "/transitiveMemberOf"))
                .willReturn(json(GraphFake.memberOf(new String[] {"group", HIDDEN_GROUP, null}))));
        FAKE.server.stubFor(get(urlPathEqualTo("/v1.0/users/" + NESTOR + "/transitiveMemberOf"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":"Authorization_RequestDenied",
                         "message":"Insufficient privileges to complete the operation."}}""")));

        var report = connect(slug, tenant());

        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(report.get("added").asInt()).isEqualTo(4);
        assertThat(report.get("rejected")).hasSize(1);
        assertThat(report.get("rejected").get(0).get("user").asText()).isEqualTo("nestor@contoso.com");
        assertThat(report.get("rejected").get(0).get("reason").asText()).startsWith("groups not read");
        FAKE.server.verify(getRequestedFor(urlPathEqualTo("/v1.0/users/" + GRADY + "/transitiveMemberOf"))
                .withQueryParam("$select", equalTo("id,displayName")).withQueryParam("$skiptoken", absent()));

        var grady = user(slug, "grady@contoso.com");
        assertThat(grady.get("groups").toString()).isEqualTo("[{\"name\":\"Executives\",\"id\":\"" + EXECUTIVES
                + "\"},{\"name\":\"Global Administrator\",\"id\":\"" + GLOBAL_ADMIN_ROLE + "\"}]");
        assertThat(grady.get("dualControl").asText()).as("a directory role, matched in any case")
                .isEqualTo("member of Global Administrator");
        var lee = user(slug, "lee@contoso.com");
        assertThat(lee.get("groups").get(0).get("name").asText()).as("no displayName: the id").isEqualTo(HIDDEN_GROUP);
        assertThat(lee.get("dualControl").asText()).isEqualTo("member of " + HIDDEN_GROUP);
        var megan = user(slug, "megan@contoso.com");
        assertThat(megan.get("groups")).as("the fake's default: in no group").isEmpty();
        assertThat(megan.has("dualControl")).isFalse();
        assertThat(user(slug, "nestor@contoso.com").get("groups")).isEmpty();
    }

    private static ObjectNode user(String id, String upn, String name) {
        return GraphFake.user(id, upn, name, "+1 425 555 0109", false);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return GraphFake.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;odata.metadata=minimal")
                .withBody(body);
    }
}
