package io.helpdeskverify.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.helpdeskverify.testsupport.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Microsoft Graph and the Microsoft identity platform on 127.0.0.1, answering with the shapes of
 * {@code shared/fixtures/graph_*}: Graph over http, the token endpoint over https (MSAL refuses
 * anything else) with the test certificate in {@code graph-tls/}.
 */
final class GraphFake {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLIENT_ID = "535fb089-9ff3-47b6-9bfb-4f1264799865";
    static final String CLIENT_SECRET = "qWgdYAmab0YSkuL1qKv5bPX";

    final WireMockServer server;

    GraphFake() {
        server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(resource("graph-tls/fake-authority.p12"))
                .keystoreType("PKCS12")
                .keystorePassword("changeit")
                .keyManagerPassword("changeit"));
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1.0";
    }

    String authorityUrl() {
        return "https://127.0.0.1:" + server.httpsPort();
    }

    /** Forgets the stubs and requests of the previous test and answers token requests again. */
    void reset() {
        server.resetAll();
        server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(fixture("graph_token_client_credentials.json").get("_response").toString())));
        // A user whose groups a test does not name is in none (every import asks for each user's).
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathMatching("/v1\\.0/users/[^/]+/transitiveMemberOf")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(memberOf())));
    }

    /**
     * {@code GET /users/{id}/transitiveMemberOf?$select=id,displayName}. No fixture in {@code shared/fixtures}
     * has this shape, so it is Microsoft's documented response (microsoft-graph-docs-contrib
     * {@code api-reference/v1.0/api/user-list-transitivememberof.md}): a {@code directoryObject} collection whose
     * entries carry their {@code @odata.type}; here groups and directory roles, each {@code [type, id, displayName]}.
     */
    static String memberOf(String[]... objects) {
        var page = JSON.createObjectNode();
        page.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,displayName)");
        ArrayNode value = page.putArray("value");
        for (String[] o : objects) {
            var entry = value.addObject().put("@odata.type", "#microsoft.graph." + o[0]).put("id", o[1]);
            if (o[2] == null) {
                entry.putNull("displayName");
            } else {
                entry.put("displayName", o[2]);
            }
        }
        return page.toString();
    }

    /** A fresh copy each call: tests change the pages they serve. */
    static ObjectNode fixture(String name) {
        return (ObjectNode) SharedFiles.fixtureJson(name);
    }

    /** The deltaLink the import's last page hands out: where the first delta sync after it starts. */
    static final String IMPORT_TOKEN = "import-round";

    /**
     * A page of the import (a delta round without a token): the constructed {@code $select} page with its
     * users replaced by the given ones, and the given nextLink, or on the last page the import's deltaLink.
     */
    static String usersPage(String nextLink, JsonNode... users) {
        var page = fixture("graph_users_list_select_constructed.json");
        page.remove("_comment");
        if (nextLink == null) {
            page.remove("@odata.nextLink");
            page.put("@odata.deltaLink", "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=" + IMPORT_TOKEN);
        } else {
            page.put("@odata.nextLink", nextLink);
        }
        ArrayNode value = page.putArray("value");
        for (JsonNode u : users) {
            value.add(u);
        }
        return page.toString();
    }

    /** A user shaped like the constructed fixture's first entry (Adele Vance), with new identity and contacts. */
    static ObjectNode user(String id, String upn, String displayName, String mobile, boolean onPremises) {
        var u = ((ObjectNode) fixture("graph_users_list_select_constructed.json").get("value").get(0)).deepCopy();
        u.put("id", id);
        u.put("userPrincipalName", upn);
        u.put("displayName", displayName);
        u.put("mail", upn);
        if (mobile == null) {
            u.putNull("mobilePhone");
        } else {
            u.put("mobilePhone", mobile);
        }
        u.put("onPremisesSyncEnabled", onPremises ? JSON.getNodeFactory().booleanNode(true) : JSON.nullNode());
        u.putArray("otherMails");
        return u;
    }

    /**
     * {@code GET /organization} for one tenant. There is no organization fixture in
     * {@code shared/fixtures}, so this is Microsoft's documented response, trimmed: the example of
     * microsoftgraph/microsoft-graph-docs-contrib {@code api-reference/v1.0/api/organization-list.md}
     * ("List organization"), with its id, display name and verified domains replaced. The first
     * domain is the initial {@code *.onmicrosoft.com} one, as in the example; the others are custom.
     */
    static String organization(String tenantId, String displayName, String... customDomains) {
        var page = (ObjectNode) read("""
                {
                  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#organization",
                  "value": [
                    {
                      "id": "84841066-274d-4ec0-a5c1-276be684bdd3",
                      "deletedDateTime": null,
                      "businessPhones": ["425-555-0100"],
                      "countryLetterCode": "NL",
                      "createdDateTime": "2021-08-02T10:30:06Z",
                      "displayName": "Contoso",
                      "onPremisesSyncEnabled": null,
                      "preferredLanguage": "en",
                      "technicalNotificationMails": ["admin@contoso.com"],
                      "tenantType": "AAD",
                      "verifiedDomains": [
                        {
                          "capabilities": "Email, OfficeCommunicationsOnline",
                          "isDefault": true,
                          "isInitial": true,
                          "name": "Contoso.onmicrosoft.com",
                          "type": "Managed"
                        }
                      ]
                    }
                  ]
                }""");
        var org = (ObjectNode) page.get("value").get(0);
        org.put("id", tenantId);
        org.put("displayName", displayName);
        var domains = (ArrayNode) org.get("verifiedDomains");
        var initial = (ObjectNode) domains.get(0);
        initial.put("name", displayName.replaceAll("[^A-Za-z0-9]", "") + ".onmicrosoft.com");
        for (String d : customDomains) {
            initial.put("isDefault", false);
            domains.add(initial.deepCopy().put("name", d).put("isInitial", false).put("isDefault", d.equals(customDomains[0])));
        }
        return page.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static String resource(String path) {
        var url = GraphFake.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return Path.of(java.net.URI.create(url.toString())).toString();
    }
}
