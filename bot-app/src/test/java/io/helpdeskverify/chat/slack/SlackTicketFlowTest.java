package io.helpdeskverify.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.psa.PsaFake;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app with ConnectWise and Autotask connected through their fixed environment variable
 * names, pointed at the PSA fakes: a ticket's contact verified from Slack and from the API, through to
 * the internal note; the admin's status and health.
 */
class SlackTicketFlowTest extends SlackTestBase {

    static final PsaFake psa = new PsaFake();

    @DynamicPropertySource
    static void psaSettings(DynamicPropertyRegistry registry) {
        var p = psa.properties();
        // The names a deployment sets; application.yml maps them onto helpdesk.psa.*.
        registry.add("CONNECTWISE_URL", psa::connectWiseUrl);
        registry.add("CONNECTWISE_COMPANY_ID", () -> PsaFake.CW_COMPANY);
        registry.add("CONNECTWISE_PUBLIC_KEY", () -> p.connectwise().publicKey());
        registry.add("CONNECTWISE_PRIVATE_KEY", () -> p.connectwise().privateKey());
        registry.add("CONNECTWISE_CLIENT_ID", () -> p.connectwise().clientId());
        registry.add("AUTOTASK_USERNAME", () -> PsaFake.AT_USER);
        registry.add("AUTOTASK_SECRET", () -> p.autotask().secret());
        registry.add("AUTOTASK_INTEGRATION_CODE", () -> p.autotask().integrationCode());
        registry.add("AUTOTASK_DISCOVERY_URL", psa::autotaskDiscoveryUrl);
        registry.add("helpdesk.psa.notes.poll-interval", () -> "200ms");
        registry.add("helpdesk.psa.http.backoff", () -> "20ms");
    }

    @BeforeEach
    void resetPsa() {
        psa.reset();
    }

    @AfterAll
    static void stopPsa() {
        psa.stop();
    }

    /** A customer mapped to a fresh company of {@code provider}; returns its slug. */
    String mappedCustomer(String provider, String company) {
        String slug = ("t" + PsaFake.uniqueCompany()).toLowerCase();
        var created = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Ticket Co %s","emailDomains":["%s.example"]}""".formatted(slug, slug, slug));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var mapped = api.patch("/api/v1/customers/" + slug, """
                {"psaCompanies":{"%s":["%s"]}}""".formatted(provider, company));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(mapped.json().path("psaCompanies").path(provider).get(0).asText()).isEqualTo(company);
        return slug;
    }

    @Test
    void anUnmatchedAutotaskContactFromSlackGetsACardThatSaysSoAndTheTicketANoteAfterCancel() {
        String company = PsaFake.uniqueCompany();
        mappedCustomer("autotask", company);
        psa.autotaskTicket("T20240115.0041", "48401", company, "30684021");
        psa.autotaskContact("30684021", c -> c.put("mobilePhone", "+1 202 555 0176"));
        String channel = channel();

        command("ticket T20240115.0041 --sms", channel, "UPSA1", "pat");

        var card = awaitCard(channel);
        assertThat(card.blocks()).contains("Dana Lee", "Unmatched: contact details from the PSA", "••76")
                .doesNotContain("555 0176", "5550176");
        click("hv_cancel", verificationId(card), card, "UPSA1", "pat");

        var note = postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Tickets/48401/Notes"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> psa.autotask.verify(1, note
                .withRequestBody(containing("Outcome: Cancelled")).withRequestBody(containing("Matched: no"))));
        await().untilAsserted(() -> assertThat(eventTypes(verificationId(card))).contains("PSA_NOTE_WRITTEN"));
    }

    @Test
    void aMatchedConnectWiseContactFromTheApiIsTheDirectorysUserAndTheNoteFollowsTheEnd() {
        String company = PsaFake.uniqueCompany();
        String slug = mappedCustomer("connectwise", company);
        var user = api.post("/api/v1/customers/" + slug + "/end-users", """
                {"username":"arnie","displayName":"Arnie Bellini","email":"arnie@yourcompany.com"}""");
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        psa.connectWiseTicket("75", company, "2");

        var technician = api.technician("Tech PSA one");
        var started = technician.post("/api/v1/psa/connectwise/tickets/75/verifications", "{}");

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("ticket").path("matched").asBoolean()).isTrue();
        assertThat(started.json().path("ticket").path("remarks").get(0).asText()).contains("g•••@wildeagle.com");
        String id = started.json().path("verification").path("id").asText();
        assertThat(technician.post("/api/v1/verifications/" + id + "/cancel", "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> psa.connectWise.verify(1,
                postRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/75/notes"))
                        .withRequestBody(containing("Outcome: Cancelled"))
                        .withRequestBody(containing("matched: end user arnie@" + slug))));
    }

    @Test
    void aTicketOfAnUnmappedCompanyAnUnknownTicketAndAnUnknownPsaAreProblemDetails() {
        psa.connectWiseTicket("76", PsaFake.uniqueCompany(), "2");
        var technician = api.technician("Tech PSA two");

        var unmapped = technician.post("/api/v1/psa/connectwise/tickets/76/verifications", "{}");
        assertThat(unmapped.status()).isEqualTo(422);
        assertThat(unmapped.contentType()).startsWith("application/problem+json");
        assertThat(unmapped.json().path("reason").asText()).isEqualTo("UNMAPPED_COMPANY");
        assertThat(unmapped.json().path("detail").asText()).contains("psaCompanies");

        var unknown = technician.post("/api/v1/psa/connectwise/tickets/999999/verifications", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(technician.post("/api/v1/psa/halo/tickets/1/verifications", "{}").status()).isEqualTo(404);
    }

    @Test
    void aCompanyIsSuggestedOnlyWhenItIsUnambiguous() {
        String slug = mappedCustomer("autotask", PsaFake.uniqueCompany());
        String id = PsaFake.uniqueCompany();
        psa.connectWise.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(PsaFake.CW_API
                        + "/company/companies"))
                .withQueryParam("conditions", containing("website like \"%" + slug + ".example%\""))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        [{"id":%s,"name":"Ticket Co %s","website":"https://www.%s.example"},
                         {"id":77,"name":"Ticket Co %s Holdings","website":""}]""".formatted(id, slug, slug, slug))));
        psa.autotask.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(PsaFake.AT_API
                        + "/Companies/query"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"items":[{"id":1,"companyName":"Ticket Co A","webAddress":""},
                                  {"id":2,"companyName":"Ticket Co B","webAddress":""}],"pageDetails":{"count":2}}""")));

        var cw = api.get("/api/v1/psa/connectwise/customers/" + slug + "/company-suggestions");
        assertThat(cw.status()).as(cw.body()).isEqualTo(200);
        assertThat(cw.json().path("suggested").path("id").asText()).isEqualTo(id);
        assertThat(cw.json().path("candidates")).hasSize(2);
        assertThat(cw.json().path("map").asText()).contains("\"connectwise\":[\"" + id + "\"]");

        var at = api.get("/api/v1/psa/autotask/customers/" + slug + "/company-suggestions");
        assertThat(at.json().path("candidates")).hasSize(2);
        assertThat(at.json().has("suggested")).as("two look alike: none suggested").isFalse();
    }

    @Test
    void theStatusSaysWhatIsSetWithoutASecretAndTheTestCallWorks() {
        var status = api.get("/api/v1/psa/autotask/status");

        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().path("configured").asBoolean()).isTrue();
        assertThat(status.json().path("testCall").path("ok").asBoolean()).isTrue();
        assertThat(status.json().path("settings").path("AUTOTASK_SECRET").asText()).isEqualTo("set");
        assertThat(status.json().has("callsThisHour")).isTrue();
        assertThat(status.body()).doesNotContain("at-secret-value", "INTEGRATION-CODE");
        var cw = api.get("/api/v1/psa/connectwise/status");
        assertThat(cw.json().path("testCall").path("ok").asBoolean()).as(cw.body()).isTrue();
        assertThat(cw.body()).doesNotContain("priv-key-secret", "pub-key", "client-1");

        var health = api.get("/actuator/health");
        assertThat(health.json().path("components").path("psa").path("status").asText()).as(health.body()).isEqualTo("UP");
        assertThat(api.as("").get("/actuator/health").body()).doesNotContain("psa");
        assertThat(api.technician("Tech PSA three").get("/api/v1/psa/autotask/status").status()).isEqualTo(403);
    }
}
