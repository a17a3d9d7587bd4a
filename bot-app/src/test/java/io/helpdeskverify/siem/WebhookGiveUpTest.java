package io.helpdeskverify.siem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.events.store.EventLogsForTests;
import io.helpdeskverify.events.store.EventChain;
import io.helpdeskverify.events.store.EventStreams;
import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.siem.store.SiemStoresForTests;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.MutableClock;
import io.helpdeskverify.support.RedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The retry window on a clock the test moves: back-off is honoured, a destination failing longer
 * than {@code dead-after} is DEGRADED in health and the admins are told once within the hour, an
 * event failing for 24 h is skipped and recorded as {@code WEBHOOK_EVENT_DROPPED}, and delivery goes
 * on in order once the receiver answers. Real Redis, a real receiver (WireMock), no Spring.
 */
@ExtendWith(RedisConnection.class)
class WebhookGiveUpTest {

    static final WireMockServer RECEIVER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort());

    static {
        RECEIVER.start();
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop();
    }

    final StringRedisTemplate redis;
    final MutableClock clock = new MutableClock(Instant.now());
    final SiemProperties props = new SiemProperties(true, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofSeconds(1), Duration.ofSeconds(2), 50, Duration.ofSeconds(30), false);
    final List<String> told = Collections.synchronizedList(new ArrayList<>());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    EventLog events;
    WebhookStore store;
    DeliveryStates states;
    Webhooks webhooks;
    WebhookDrainer drainer;

    WebhookGiveUpTest(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @BeforeEach
    void wire() {
        events = EventLogsForTests.eventLog(redis, new EventStreams(clock, Duration.ofDays(30), new EventChain(
                new ServerKeys("siem-test-key-siem-test-key-0123".getBytes(StandardCharsets.UTF_8), "x"))));
        store = SiemStoresForTests.webhookStore(redis,
                new ServerKeys("siem-test-key-siem-test-key-0123".getBytes(StandardCharsets.UTF_8), "x"));
        states = SiemStoresForTests.deliveryStates(store);
        EventFeed feed = SiemStoresForTests.eventFeed(redis);
        webhooks = new Webhooks(store, states, feed, new WebhookUrls(true), new SecureRandom(), clock);
        DeadDestinationNotices notices = (d, failing, why) -> told.add(d.id() + " " + why);
        drainer = new WebhookDrainer(store, states, feed, events, new WebhookSender(props.connectTimeout(),
                props.requestTimeout(), clock), new SyslogSender(props.connectTimeout(), props.requestTimeout(), "test"),
                new SiemMetrics(meters), List.of(notices), props, clock);
    }

    @Test
    void anEventFailingFor24HoursIsSkippedAndRecordedAndTheNextOnesArriveInOrder() {
        String customer = Fixtures.unique("giveup");
        String path = "/siem/" + customer;
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        var d = webhooks.create("http://127.0.0.1:" + RECEIVER.port() + path, Optional.of(customer), "", "test",
                c -> true).destination();
        var health = new SiemHealth(webhooks, props, clock);
        String first = append(customer);
        String second = append(customer);

        drain(d);
        assertThat(served(path)).hasSize(1);
        drain(d);
        assertThat(served(path)).as("the back-off of 1 s has not passed").hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        drain(d);
        assertThat(served(path)).hasSize(2).allMatch(e -> e.getRequest().getHeader("Idempotency-Key").equals(first));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(told).isEmpty();

        clock.advance(Duration.ofMinutes(11));
        drain(d);
        clock.advance(Duration.ofMinutes(11));
        drain(d);
        assertThat(told).as("told once within the hour").containsExactly(d.id() + " HTTP 503");
        assertThat(health.health().getStatus()).isEqualTo(SiemHealth.DEGRADED);
        assertThat(health.health().getDetails().get(d.id()).toString()).contains("dead");

        clock.advance(Duration.ofHours(24));
        drain(d);
        var dropped = events.query(new EventQuery(Optional.of(customer), Optional.empty(),
                Optional.of(EventType.WEBHOOK_EVENT_DROPPED), Optional.empty(), Optional.empty(), 10));
        assertThat(dropped).hasSize(1);
        assertThat(dropped.get(0).outcome()).isEqualTo(d.id());
        assertThat(dropped.get(0).reason()).contains(first).contains("HTTP 503");
        assertThat(states.load(d.id()).orElseThrow().dropped()).isEqualTo(1);
        assertThat(meters.counter("helpdesk.siem.dropped", "destination", d.id()).count()).isEqualTo(1.0);
        assertThat(served(path).get(served(path).size() - 1).getRequest().getHeader("Idempotency-Key"))
                .as("the next event gets its own 24 h").isEqualTo(second);

        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        clock.advance(Duration.ofSeconds(2));
        drain(d);
        assertThat(served(path).stream().filter(e -> e.getResponse().getStatus() == 200)
                .map(e -> e.getRequest().getHeader("Idempotency-Key")).toList())
                .containsExactly(second, dropped.get(0).id());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.counter("helpdesk.siem.delivered", "destination", d.id()).count()).isEqualTo(2.0);
    }

    @Test
    void aDestinationLeasedByAnotherInstanceIsLeftToIt() {
        String customer = Fixtures.unique("leased");
        String path = "/siem/" + customer;
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        var d = webhooks.create("http://127.0.0.1:" + RECEIVER.port() + path, Optional.of(customer), "", "test",
                c -> true).destination();
        String event = append(customer);
        var other = states.tryLease(d.id(), Duration.ofSeconds(30)).orElseThrow();
        drain(d);
        assertThat(served(path)).isEmpty();
        other.release();
        drain(d);
        assertThat(served(path)).extracting(e -> e.getRequest().getHeader("Idempotency-Key")).containsExactly(event);
        drain(d);
        assertThat(served(path)).as("delivered once").hasSize(1);
    }

    @Test
    void aDeletedDestinationStopsAndLeavesNoState() {
        String customer = Fixtures.unique("deleted");
        var d = webhooks.create("http://127.0.0.1:" + RECEIVER.port() + "/siem/" + customer, Optional.empty(), "", "t",
                c -> true).destination();
        assertThat(webhooks.delete(d.id())).isTrue();
        states.save(d.id(), DeliveryState.startingAt("1-0"));
        assertThat(states.load(d.id())).isEmpty();
        assertThat(webhooks.find(d.id())).isEmpty();
        assertThat(webhooks.delete(d.id())).isFalse();
    }

    private void drain(WebhookDestination d) {
        drainer.drain(d, () -> true);
    }

    private String append(String customer) {
        return events.append(new AuditEvent("", EventType.VERIFIED, clock.instant(), customer, "u", "Tech", "T1",
                "SLACK", "", "SMS_CODE", "v-1", "VERIFIED", "")).id();
    }

    private static List<ServeEvent> served(String path) {
        var all = new ArrayList<>(RECEIVER.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path)).toList());
        Collections.reverse(all);
        return all;
    }
}
