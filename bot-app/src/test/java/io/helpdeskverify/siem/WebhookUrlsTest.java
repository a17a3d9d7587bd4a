package io.helpdeskverify.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Outside the local and test runs, a receiver on this machine needs HELPDESK_SIEM_ALLOW_LOOPBACK=true. */
class WebhookUrlsTest {

    @Test
    void loopbackOnlyWhenAllowedAndPlainHttpOnlyThere() {
        var production = new WebhookUrls(false);
        for (String url : new String[] {"http://127.0.0.1:9000/in", "https://localhost/in", "http://[::1]/in"}) {
            assertThatThrownBy(() -> production.check(url)).isInstanceOf(WebhookRejected.class)
                    .hasMessageContaining("HELPDESK_SIEM_ALLOW_LOOPBACK");
        }
        assertThat(production.check(" https://siem.example.com/in ")).isEqualTo("https://siem.example.com/in");

        var local = new WebhookUrls(true);
        assertThat(local.check("http://127.0.0.1:9000/in")).isEqualTo("http://127.0.0.1:9000/in");
        assertThat(local.check("http://localhost/in")).isEqualTo("http://localhost/in");
        assertThatThrownBy(() -> local.check("http://siem.example.com/in")).isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("https");
    }

    @Test
    void theBackOffDoublesFromTheFirstRetryUpToTheCap() {
        var props = new SiemProperties(true, java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1),
                java.time.Duration.ofMinutes(10), java.time.Duration.ofHours(24), java.time.Duration.ofMinutes(10),
                java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(10), 200,
                java.time.Duration.ofMinutes(1), false);
        assertThat(props.backoff(1)).hasSeconds(1);
        assertThat(props.backoff(2)).hasSeconds(2);
        assertThat(props.backoff(3)).hasSeconds(4);
        assertThat(props.backoff(10)).hasSeconds(512);
        assertThat(props.backoff(11)).hasMinutes(10);
        assertThat(props.backoff(1000)).hasMinutes(10);
    }
}
