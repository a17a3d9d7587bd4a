package io.helpdeskverify.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.helpdeskverify.chat.teams.TeamsFlowSupport.verificationId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import io.helpdeskverify.psa.PsaFake;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code verify ticket} from Teams: the same ChatFlow, a matched ConnectWise contact, through to the note. */
@HelpdeskTest
class TeamsTicketFlowTest {

    private static final FakeBotConnector FAKE = new FakeBotConnector();
    private static final PsaFake PSA = new PsaFake();

    @LocalServerPort
    int port;
    Api api;
    TeamsClient teams;
    TeamsFlowSupport t;
    final Member tech = Member.random("Tina Tech");

    @DynamicPropertySource
    static void psaSettings(DynamicPropertyRegistry registry) {
        var p = PSA.properties().connectwise();
        registry.add("CONNECTWISE_URL", PSA::connectWiseUrl);
        registry.add("CONNECTWISE_COMPANY_ID", p::companyId);
        registry.add("CONNECTWISE_PUBLIC_KEY", p::publicKey);
        registry.add("CONNECTWISE_PRIVATE_KEY", p::privateKey);
        registry.add("CONNECTWISE_CLIENT_ID", p::clientId);
        registry.add("helpdesk.psa.notes.poll-interval", () -> "200ms");
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        teams = new TeamsClient(port, FAKE.serviceUrl());
        t = new TeamsFlowSupport(FAKE, api);
        PSA.reset();
    }

    @AfterEach
    void everyCardIsValid() {
        t.validateEverything();
    }

    @AfterAll
    static void stop() {
        FAKE.close();
        PSA.stop();
    }

    @Test
    void aMatchedConnectWiseContactIsVerifiedFromTeamsAndTheTicketGetsTheNote() {
        String company = PsaFake.uniqueCompany();
        assertThat(api.patch("/api/v1/customers/acme", """
                {"psaCompanies":{"connectwise":["%s"]}}""".formatted(company)).status()).isEqualTo(200);
        var user = api.post("/api/v1/customers/acme/end-users", """
                {"username":"arnie-teams","displayName":"Arnie Bellini","email":"arnie@yourcompany.com"}""");
        assertThat(user.status()).as(user.body()).isIn(201, 409);
        PSA.connectWiseTicket("78", company, "2");
        var channel = Conversation.channel();

        // Only ConnectWise is connected here: a plain number is its ticket.
        teams.message(tech, channel, "verify ticket 78 --email");

        var card = t.awaitCardPosted(channel);
        assertThat(card.card().toString()).contains("Arnie Bellini").doesNotContain("Unmatched");
        t.invokeCard(teams.action(tech, channel, "hv_cancel", verificationId(card)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> PSA.connectWise.verify(1,
                postRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/78/notes"))
                        .withRequestBody(containing("Outcome: Cancelled")).withRequestBody(containing("Matched: yes"))));
    }
}
