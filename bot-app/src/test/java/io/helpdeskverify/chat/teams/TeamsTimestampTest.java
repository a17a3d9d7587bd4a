package io.helpdeskverify.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import io.helpdeskverify.chat.teams.TeamsClient.Member;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bot Framework channels and emulators send every RFC 3339 form of {@code timestamp}: the SDK's own
 * pattern ({@code yyyy-MM-dd'T'HH:mm:ss.nXXX}) would refuse those without a fraction or with an
 * offset other than {@code Z}, and the technician's command would be lost with a 400.
 */
class TeamsTimestampTest extends TeamsTestBase {

    final Member tech = Member.random("Tina Tech");

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T10:15:30Z", "2026-12-03T10:15:30+01:00", "2026-12-03T10:15:30.5-05:30",
            "2026-12-03T10:15:30.123456789Z", "2026-12-03t10:15:30z", "2026-12-03T10:15:30.4953744+00:00",
            "2026-12-03 10:15:30Z"})
    void everyRfc3339TimestampIsAccepted(String timestamp) {
        var channel = Conversation.channel();
        var activity = teams.messageActivity(tech, channel, "verify alice@acme --sms");
        activity.put("timestamp", timestamp);
        activity.put("localTimestamp", timestamp);

        var answer = teams.post(activity);

        assertThat(answer.status()).as(answer.body()).isIn(200, 202);
        assertThat(t.awaitCardPosted(channel).card().toString()).contains("Alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-03T10:15:30Z", "2026-12-03T10:15:30"})
    void aTimestampThatIsNotRfc3339GetsAClearRefusal(String timestamp) {
        var activity = teams.messageActivity(tech, Conversation.channel(), "verify alice@acme --sms");
        activity.put("timestamp", timestamp);

        var answer = teams.post(activity);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("timestamp").doesNotContain("Exception");
    }
}
