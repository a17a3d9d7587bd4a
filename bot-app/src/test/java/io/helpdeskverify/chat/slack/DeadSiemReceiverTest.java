package io.helpdeskverify.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SIEM receiver that never answers (each attempt waits out the bot's request timeout) for the
 * whole run: /verify acks come as fast as before it existed, because delivery runs on its own pool
 * from the stored events and never on the request path. Compared with a baseline taken in the same
 * run; the bound is generous (the receiver alone would cost seconds per event on the request path).
 */
class DeadSiemReceiverTest extends SlackTestBase {

    static final WireMockServer RECEIVER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort());

    static {
        RECEIVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(RECEIVER::stop));
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotSlowTheVerifyAck() {
        String channel = channel();
        List<Duration> baseline = acks(channel, 3);

        RECEIVER.stubFor(post(urlEqualTo("/hangs")).willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
        var created = api.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:%d/hangs\"}".formatted(RECEIVER.port()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().at("/webhook/id").asText();
        try {
            List<Duration> withDeadReceiver = acks(channel, 5);
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/webhooks/" + id).json()
                    .at("/delivery/attempts").asInt() >= 1);
            assertThat(RECEIVER.getAllServeEvents()).as("delivery was being tried meanwhile").isNotEmpty();

            Duration slowestBefore = Collections.max(baseline);
            for (Duration ack : withDeadReceiver) {
                assertThat(ack).as("ack %s, baseline %s", ack, baseline)
                        .isLessThan(slowestBefore.plusMillis(1500)).isLessThan(Duration.ofSeconds(3));
            }
        } finally {
            assertThat(api.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        }
    }

    private List<Duration> acks(String channel, int n) {
        var out = new ArrayList<Duration>();
        for (int i = 0; i < n; i++) {
            String user = new Fixtures(api).userWithMobileAndEmail();
            long started = System.nanoTime();
            command(user + "@acme --sms", channel, "USIEM", "sam");
            out.add(Duration.ofNanos(System.nanoTime() - started));
        }
        return out;
    }
}
