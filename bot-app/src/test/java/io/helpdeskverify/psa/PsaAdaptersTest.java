package io.helpdeskverify.psa;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.psa.autotask.AutotaskTickets;
import io.helpdeskverify.psa.connectwise.ConnectWiseTickets;
import io.helpdeskverify.psa.store.PsaStoresForTests;
import io.helpdeskverify.support.RedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.redis.core.StringRedisTemplate;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The two adapters' real HTTP clients against the fakes: what they send, what they read, how they fail. */
@ExtendWith({OutputCaptureExtension.class, RedisConnection.class})
class PsaAdaptersTest {

    static final PsaFake fake = new PsaFake();
    final ObjectMapper json = new ObjectMapper();
    final StringRedisTemplate redis;
    ConnectWiseTickets cw;
    AutotaskTickets at;
    /** An hour of its own per test: the call counter is shared by everything on this Redis, per clock hour. */
    Clock hour;

    PsaAdaptersTest(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @BeforeEach
    void setUp() {
        fake.reset();
        hour = Clock.fixed(Instant.EPOCH.plus(Duration.ofHours(ThreadLocalRandom.current().nextLong(1, 10_000_000))),
                ZoneOffset.UTC);
        cw = new ConnectWiseTickets(fake.properties(), json);
        at = autotask(fake.properties());
    }

    AutotaskTickets autotask(PsaProperties props) {
        return new AutotaskTickets(props, json, hour, PsaStoresForTests.callCounter(redis, hour));
    }

    @AfterAll
    static void stop() {
        fake.stop();
    }

    @Test
    void connectWiseReadsTheTicketAndItsContactAfterDiscoveringTheCodebaseOnce() {
        var ticket = cw.ticket("69");
        var contact = cw.contact(ticket.contactId().orElseThrow());

        assertThat(ticket.companyId()).isEqualTo("2");
        assertThat(ticket.onTicket().email()).contains("gregg.kegle@wildeagle.com");
        assertThat(contact.displayName()).isEqualTo("Arnie Bellini");
        assertThat(contact.emails()).containsExactly("Arnie@YourCompany.com");
        assertThat(contact.mobile()).as("a Direct line is no mobile").isEmpty();
        assertThat(contact.active()).isTrue();
        fake.connectWise.verify(1, getRequestedFor(urlPathEqualTo("/login/companyinfo/yourcompany")));
        String basic = "Basic " + Base64.getEncoder().encodeToString("yourcompany+pub-key:priv-key-secret".getBytes());
        fake.connectWise.verify(getRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/69"))
                .withHeader("Authorization", equalTo(basic)).withHeader("clientId", equalTo("client-1")));
    }

    @Test
    void connectWiseWritesAnInternalNote() {
        cw.addInternalNote(new TicketNote("69", "Caller verified", "Outcome: Verified", Optional.empty()));

        fake.connectWise.verify(postRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/69/notes"))
                .withRequestBody(matchingJsonPath("$.internalAnalysisFlag", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.detailDescriptionFlag", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Caller verified\nOutcome: Verified"))));
    }

    @Test
    void connectWiseWaitsOutA429AndRetriesA500() {
        PsaFake.failFirst(fake.connectWise, () -> get(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/69")), 1, 429, "1");
        PsaFake.failFirst(fake.connectWise, () -> get(urlPathEqualTo(PsaFake.CW_API + "/company/contacts/2")), 1, 500, null);

        assertThat(cw.ticket("69").id()).isEqualTo("69");
        assertThat(cw.contact("2").id()).isEqualTo("2");
        fake.connectWise.verify(2, getRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/69")));
        fake.connectWise.verify(2, getRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/company/contacts/2")));
    }

    @Test
    void connectWiseDownAfterTheRetriesIsUnavailableAndWrongKeysSaySo() {
        PsaFake.failFirst(fake.connectWise, () -> get(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/69")), 5, 503, null);
        assertThatThrownBy(() -> cw.ticket("69")).isInstanceOfSatisfying(PsaException.class,
                e -> assertThat(e.kind()).isEqualTo(PsaException.Kind.UNAVAILABLE));
        fake.connectWise.verify(3, getRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/69")));

        PsaFake.failFirst(fake.connectWise, () -> get(urlPathEqualTo(PsaFake.CW_API + "/system/info")), 1, 401, null);
        assertThatThrownBy(() -> cw.testCall()).isInstanceOfSatisfying(PsaException.class, e -> {
            assertThat(e.kind()).isEqualTo(PsaException.Kind.CREDENTIALS);
            assertThat(e.getMessage()).doesNotContain("priv-key-secret").doesNotContain("pub-key");
        });
        assertThatThrownBy(() -> cw.ticket("12345")).isInstanceOfSatisfying(PsaException.class,
                e -> assertThat(e.kind()).isEqualTo(PsaException.Kind.NOT_FOUND));
    }

    @Test
    void autotaskFindsATicketByNumberInItsZoneAndCountsItsCalls() {
        var ticket = at.ticket("T20240115.0023");
        var contact = at.contact(ticket.contactId().orElseThrow());
        at.ticket("48231");

        assertThat(ticket.id()).isEqualTo("48231");
        assertThat(ticket.companyId()).isEqualTo("29683451");
        assertThat(contact.mobile()).contains("+15551239876");
        assertThat(contact.emails()).containsExactly("dana.lee@northwind.example");
        fake.autotask.verify(1, getRequestedFor(urlPathEqualTo("/atservicesrest/v1.0/zoneInformation"))
                .withQueryParam("user", equalTo(PsaFake.AT_USER)));
        fake.autotask.verify(postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Tickets/query"))
                .withHeader("ApiIntegrationCode", equalTo("INTEGRATION-CODE"))
                .withHeader("UserName", equalTo(PsaFake.AT_USER)).withHeader("Secret", equalTo("at-secret-value"))
                .withRequestBody(matchingJsonPath("$.filter[0].field", equalTo("ticketNumber")))
                .withRequestBody(matchingJsonPath("$.filter[0].value", equalTo("T20240115.0023"))));
        assertThat(at.callsThisHour()).contains(4L);
    }

    @Test
    void autotaskNoteUsesTheTenantsInternalPublishValueAndImpersonatesTheTechnician() {
        at.addInternalNote(new TicketNote("48231", "Caller verified", "Outcome: Verified", Optional.of("tech@msp.example")));
        at.addInternalNote(new TicketNote("48231", "Caller verified", "again", Optional.of("tech@msp.example")));

        fake.autotask.verify(2, postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Tickets/48231/Notes"))
                .withHeader("ImpersonationResourceId", equalTo(PsaFake.AT_RESOURCE_ID))
                .withRequestBody(matchingJsonPath("$.publish", equalTo(String.valueOf(PsaFake.AT_INTERNAL_PUBLISH))))
                .withRequestBody(matchingJsonPath("$.noteType", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.ticketID", equalTo("48231"))));
        // Picklists and the resource are asked once: the hourly request limit is shared with other integrations.
        fake.autotask.verify(1, getRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/TicketNotes/entityInformation/fields")));
        fake.autotask.verify(1, postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Resources/query")));
    }

    @Test
    void autotaskNoteCarriesNoImpersonationWhenTheTechniciansResourceIsUnknown() {
        fake.autotask.stubFor(post(urlPathEqualTo(PsaFake.AT_API + "/Resources/query")).atPriority(1).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"items\":[],\"pageDetails\":{\"count\":0}}")));
        at.addInternalNote(new TicketNote("48231", "Caller verified", "unknown resource", Optional.of("nobody@msp.example")));
        at.addInternalNote(new TicketNote("48231", "Caller verified", "no email at all", Optional.empty()));

        fake.autotask.verify(2, postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Tickets/48231/Notes"))
                .withoutHeader("ImpersonationResourceId"));
        // Only the technician with an email is looked up, once.
        fake.autotask.verify(1, postRequestedFor(urlPathEqualTo(PsaFake.AT_API + "/Resources/query"))
                .withRequestBody(matchingJsonPath("$.filter[0].value", equalTo("nobody@msp.example"))));
    }

    @Test
    void autotaskCallsAreCountedAcrossInstancesAndStopAtTheHourlyShare() {
        var p = fake.properties();
        var small = new PsaProperties(p.connectwise(), new PsaProperties.Autotask(p.autotask().username(),
                p.autotask().secret(), p.autotask().integrationCode(), p.autotask().discoveryUrl(), 5), p.http(), p.notes());
        var first = autotask(small);
        var second = autotask(small);

        first.ticket("48231"); // zone discovery + the ticket
        second.ticket("48231"); // the second instance's own zone discovery + the ticket
        assertThat(first.callsThisHour()).contains(4L);
        assertThat(second.callsThisHour()).contains(4L);

        second.contact("30684001"); // the fifth call of the hour: still within the share
        int served = fake.autotask.getAllServeEvents().size();
        assertThatThrownBy(() -> first.contact("30684001")).isInstanceOfSatisfying(PsaException.class, e -> {
            assertThat(e.kind()).isEqualTo(PsaException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("share of Autotask's hourly requests", "HELPDESK_PSA_AUTOTASK_CALLS_PER_HOUR");
        });
        // Refused before it went out: Autotask saw nothing more.
        assertThat(fake.autotask.getAllServeEvents()).hasSize(served);
    }

    @Test
    void noKeySecretOrIntegrationCodeReachesTheLogWhenCallsFail(CapturedOutput output) {
        PsaFake.failFirst(fake.connectWise, () -> get(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/69")), 5, 500, null);
        PsaFake.failFirst(fake.autotask, () -> get(urlPathEqualTo(PsaFake.AT_API + "/Contacts/30684001")), 5, 429, "0");
        assertThatThrownBy(() -> cw.ticket("69")).isInstanceOf(PsaException.class);
        assertThatThrownBy(() -> at.contact("30684001")).isInstanceOf(PsaException.class);

        assertThat(output.getAll()).contains("HTTP 500", "HTTP 429")
                .doesNotContain("priv-key-secret", "pub-key", "client-1", "at-secret-value", "INTEGRATION-CODE",
                        java.util.Base64.getEncoder().encodeToString("yourcompany+pub-key:priv-key-secret".getBytes()));
    }

    @Test
    void autotaskUnknownTicketAndUnknownApiUserAreClear() {
        fake.autotask.stubFor(post(urlPathEqualTo(PsaFake.AT_API + "/Tickets/query")).atPriority(1).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"items\":[],\"pageDetails\":{\"count\":0}}")));
        assertThatThrownBy(() -> at.ticket("T20990101.0001")).isInstanceOfSatisfying(PsaException.class,
                e -> assertThat(e.getMessage()).contains("no ticket T20990101.0001"));

        fake.autotask.stubFor(get(urlPathEqualTo("/atservicesrest/v1.0/zoneInformation")).atPriority(1).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.notFound()));
        var fresh = autotask(fake.properties());
        assertThatThrownBy(fresh::testCall).isInstanceOfSatisfying(PsaException.class, e -> {
            assertThat(e.kind()).isEqualTo(PsaException.Kind.CREDENTIALS);
            assertThat(e.getMessage()).contains("AUTOTASK_USERNAME").doesNotContain("at-secret-value");
        });
    }
}
