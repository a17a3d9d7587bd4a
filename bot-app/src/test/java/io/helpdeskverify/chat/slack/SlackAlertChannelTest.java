package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A customer's alert channel on Slack (policy.alerts.channel, set through the admin API): an alert
 * is posted there once, with what happened and what to do, and a disabled rule posts nothing.
 */
class SlackAlertChannelTest extends SlackTestBase {

    @Autowired EventLog events;

    @Test
    void anAlertIsPostedOnceInTheCustomersAlertChannelAndADisabledRuleNot() {
        String channel = channel();
        String slug = Fixtures.unique("slackalert");
        var c = api.post("/api/v1/customers", """
                {"slug":"%s","name":"Alerts %s","emailDomains":["%s.example"],"defaultRegion":"US",
                 "policy":{"alerts":{"channel":{"platform":"slack","id":"%s"},"disabled":["REPEATED_REFUSALS"]}}}"""
                .formatted(slug, slug, slug, channel));
        assertThat(c.status()).as(c.body()).isEqualTo(201);

        for (int i = 0; i < 4; i++) {
            append(EventType.RATE_LIMITED, slug, "bombed", "");
        }
        append(EventType.USER_REPORTED, slug, "jdoe", "v-jdoe");

        var post = await().atMost(Duration.ofSeconds(30)).until(() -> fake.calls("chat.postMessage", channel),
                calls -> !calls.isEmpty()).get(0);
        assertThat(post.text() + post.blocks()).contains("Security alert for " + slug)
                .contains("The end user said they did not ask").contains("End user: jdoe")
                .contains("What to do: Call the user");

        // A later alert posted means the watch has passed the first and swept once more: no second post of it.
        append(EventType.USER_REPORTED, slug, "marker", "v-marker");
        await().atMost(Duration.ofSeconds(30)).until(() -> posts(channel).stream().anyMatch(p -> p.contains("marker")));
        assertThat(posts(channel)).hasSize(2).noneMatch(p -> p.contains("bombed"));
        assertThat(posts(channel).stream().filter(p -> p.contains("End user: jdoe"))).hasSize(1);
    }

    private List<String> posts(String channel) {
        return fake.calls("chat.postMessage", channel).stream().map(p -> p.text() + p.blocks()).toList();
    }

    private void append(EventType type, String customer, String user, String verification) {
        events.append(new AuditEvent("", type, Instant.now(), customer, user, "Tech T1", "T1", "SLACK", "", "",
                verification, "", ""));
    }
}
