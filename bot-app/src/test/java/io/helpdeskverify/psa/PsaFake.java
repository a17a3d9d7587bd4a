package io.helpdeskverify.psa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.helpdeskverify.testsupport.SharedFiles;
import java.time.Duration;
import java.util.Iterator;

/**
 * ConnectWise Manage and Datto Autotask on 127.0.0.1, each its own WireMock, answering with the
 * shapes of {@code shared/fixtures/cw_*} and {@code autotask_*}. The few answers the fixtures do not
 * have (companyinfo, system/info, the note picklists, ThresholdInformation, Resources/query) are
 * built here from the vendors' documented field names and say so.
 */
public final class PsaFake {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String CW_COMPANY = "yourcompany";
    public static final String CW_API = "/v4_6_release/apis/3.0";
    public static final String AT_API = "/ATServicesRest/V1.0";
    public static final String AT_USER = "api-user@msp.example";
    /** Not 1 on purpose: the adapter must read the value from the tenant's picklist. */
    public static final int AT_INTERNAL_PUBLISH = 2;
    public static final String AT_RESOURCE_ID = "29682885";

    public final WireMockServer connectWise = started();
    public final WireMockServer autotask = started();

    private static WireMockServer started() {
        var s = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        s.start();
        return s;
    }

    public String connectWiseUrl() {
        return "http://127.0.0.1:" + connectWise.port();
    }

    public String autotaskDiscoveryUrl() {
        return "http://127.0.0.1:" + autotask.port() + "/atservicesrest";
    }

    /** Settings pointing at both fakes, with quick retries. */
    public PsaProperties properties() {
        return new PsaProperties(
                new PsaProperties.ConnectWise(connectWiseUrl(), CW_COMPANY, "pub-key", "priv-key-secret", "client-1"),
                new PsaProperties.Autotask(AT_USER, "at-secret-value", "INTEGRATION-CODE", autotaskDiscoveryUrl(), 5000),
                new PsaProperties.Http(3, Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(5)),
                new PsaProperties.Notes(Duration.ofMillis(100), 3, Duration.ofMillis(200), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }

    /** Forgets the previous test's stubs and requests and serves the fixtures again. */
    public PsaFake reset() {
        connectWise.resetAll();
        autotask.resetAll();
        stubConnectWise();
        stubAutotask();
        return this;
    }

    public void stop() {
        connectWise.stop();
        autotask.stop();
    }

    private void stubConnectWise() {
        // CONSTRUCTED: the companyinfo answer as ConnectWise documents it (Codebase is what we need).
        connectWise.stubFor(get(urlPathEqualTo("/login/companyinfo/" + CW_COMPANY)).willReturn(json("""
                {"CompanyName":"Your Company","Codebase":"v4_6_release/","VersionCode":"v2024.1",
                 "CompanyID":"yourcompany","IsCloud":true,"SiteUrl":"127.0.0.1"}""")));
        connectWise.stubFor(get(urlPathEqualTo(CW_API + "/system/info")).willReturn(json("""
                {"version":"v2024.1.12345","isCloud":true,"serverTimeZone":"Eastern Standard Time"}""")));
        connectWise.stubFor(get(urlPathEqualTo(CW_API + "/service/tickets/69"))
                .willReturn(json(fixture("cw_service_ticket.json").toString())));
        connectWise.stubFor(get(urlPathEqualTo(CW_API + "/company/contacts/2"))
                .willReturn(json(fixture("cw_company_contact.json").toString())));
        connectWise.stubFor(post(urlPathEqualTo(CW_API + "/service/tickets/69/notes"))
                .willReturn(json(fixture("cw_ticket_note.json").toString()).withStatus(201)));
    }

    private void stubAutotask() {
        var zone = fixture("autotask_zone_information_constructed.json");
        zone.put("url", "http://127.0.0.1:" + autotask.port() + "/ATServicesRest/");
        autotask.stubFor(get(urlPathEqualTo("/atservicesrest/v1.0/zoneInformation")).willReturn(json(zone.toString())));
        var query = fixture("autotask_tickets_query_response_constructed.json");
        autotask.stubFor(post(urlPathEqualTo(AT_API + "/Tickets/query")).willReturn(json(query.toString())));
        autotask.stubFor(get(urlPathEqualTo(AT_API + "/Tickets/48231"))
                .willReturn(json(JSON.createObjectNode().set("item", query.path("items").get(0)).toString())));
        autotask.stubFor(get(urlPathEqualTo(AT_API + "/Contacts/30684001"))
                .willReturn(json(fixture("autotask_contact_item_constructed.json").toString())));
        autotask.stubFor(post(urlPathEqualTo(AT_API + "/Tickets/48231/Notes"))
                .willReturn(json(fixture("autotask_create_response.json").toString())));
        // CONSTRUCTED: FieldInformation with picklistValues, as entityInformation/fields returns them.
        autotask.stubFor(get(urlPathEqualTo(AT_API + "/TicketNotes/entityInformation/fields")).willReturn(json("""
                {"fields":[
                  {"name":"noteType","dataType":"integer","isPickList":true,"picklistValues":[
                    {"value":"1","label":"Task Summary","isDefaultValue":false,"isActive":true},
                    {"value":"3","label":"Task Notes","isDefaultValue":true,"isActive":true}]},
                  {"name":"publish","dataType":"integer","isPickList":true,"picklistValues":[
                    {"value":"1","label":"All Autotask Users","isDefaultValue":true,"isActive":true},
                    {"value":"%d","label":"Internal Project Team","isDefaultValue":false,"isActive":true},
                    {"value":"3","label":"Everyone","isDefaultValue":false,"isActive":true}]}]}"""
                .formatted(AT_INTERNAL_PUBLISH))));
        // CONSTRUCTED: ThresholdInformation (the tenant's request count in the current hour).
        autotask.stubFor(get(urlPathEqualTo(AT_API + "/ThresholdInformation")).willReturn(json("""
                {"externalRequestThreshold":10000,"requestThresholdTimeframe":60,"currentTimeframeRequestCount":42}""")));
        autotask.stubFor(post(urlPathEqualTo(AT_API + "/Resources/query")).willReturn(json("""
                {"items":[{"id":%s,"email":"tech@msp.example"}],"pageDetails":{"count":1,"requestCount":1}}"""
                .formatted(AT_RESOURCE_ID))));
    }

    /** ConnectWise ticket {@code id} of company {@code companyId}, its contact {@code contactId}: the fixture, re-keyed. */
    public void connectWiseTicket(String id, String companyId, String contactId) {
        var t = fixture("cw_service_ticket.json");
        t.put("id", Long.parseLong(id));
        ((ObjectNode) t.get("company")).put("id", Long.parseLong(companyId));
        ((ObjectNode) t.get("contact")).put("id", Long.parseLong(contactId));
        connectWise.stubFor(get(urlPathEqualTo(CW_API + "/service/tickets/" + id)).willReturn(json(t.toString())));
        connectWise.stubFor(post(urlPathEqualTo(CW_API + "/service/tickets/" + id + "/notes"))
                .willReturn(json(fixture("cw_ticket_note.json").toString()).withStatus(201)));
    }

    /** The fixture's contact as {@code id}, changed by {@code edit} (names, inactiveFlag, communicationItems). */
    public void connectWiseContact(String id, java.util.function.Consumer<ObjectNode> edit) {
        var c = fixture("cw_company_contact.json");
        c.put("id", Long.parseLong(id));
        edit.accept(c);
        connectWise.stubFor(get(urlPathEqualTo(CW_API + "/company/contacts/" + id)).willReturn(json(c.toString())));
    }

    /** Autotask ticket {@code number}/{@code id} of {@code companyId} with contact {@code contactId}. */
    public void autotaskTicket(String number, String id, String companyId, String contactId) {
        var query = fixture("autotask_tickets_query_response_constructed.json");
        var item = (ObjectNode) query.path("items").get(0);
        item.put("id", Long.parseLong(id));
        item.put("ticketNumber", number);
        item.put("companyID", Long.parseLong(companyId));
        item.put("contactID", Long.parseLong(contactId));
        autotask.stubFor(post(urlPathEqualTo(AT_API + "/Tickets/query"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(number))
                .willReturn(json(query.toString())));
        autotask.stubFor(get(urlPathEqualTo(AT_API + "/Tickets/" + id))
                .willReturn(json(JSON.createObjectNode().set("item", item).toString())));
        autotask.stubFor(post(urlPathEqualTo(AT_API + "/Tickets/" + id + "/Notes"))
                .willReturn(json(fixture("autotask_create_response.json").toString())));
    }

    /** The fixture's contact as {@code id}, changed by {@code edit} (firstName, isActive, emailAddress, mobilePhone). */
    public void autotaskContact(String id, java.util.function.Consumer<ObjectNode> edit) {
        var c = fixture("autotask_contact_item_constructed.json");
        var item = (ObjectNode) c.get("item");
        item.put("id", Long.parseLong(id));
        edit.accept(item);
        autotask.stubFor(get(urlPathEqualTo(AT_API + "/Contacts/" + id)).willReturn(json(c.toString())));
    }

    /** A company id no other test maps: a PSA company belongs to one customer. */
    public static String uniqueCompany() {
        return Long.toString(1_000_000 + Math.floorMod(java.util.UUID.randomUUID().getMostSignificantBits(), 900_000_000L));
    }

    /** {@code status} for the first {@code times} calls of this route, then the stub that was there. */
    public static void failFirst(WireMockServer server, java.util.function.Supplier<MappingBuilder> route, int times, int status, String retryAfter) {
        String scenario = "fail-" + System.nanoTime();
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            var answer = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":\"Unavailable\",\"message\":\"try later\"}");
            if (retryAfter != null) {
                answer.withHeader("Retry-After", retryAfter);
            }
            String next = "after-" + i;
            server.stubFor(route.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(answer)
                    .willSetStateTo(next).atPriority(1));
            state = next;
        }
    }

    public static ObjectNode fixture(String name) {
        var node = (ObjectNode) SharedFiles.fixtureJson(name).deepCopy();
        stripComments(node);
        return node;
    }

    private static void stripComments(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                if (it.next().startsWith("_")) {
                    it.remove();
                }
            }
            o.forEach(PsaFake::stripComments);
        } else if (node.isArray()) {
            node.forEach(PsaFake::stripComments);
        }
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
