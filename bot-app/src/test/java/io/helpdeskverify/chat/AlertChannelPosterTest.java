package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.alerts.AlertMessage;
import io.helpdeskverify.alerts.ChannelTarget;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.verification.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert reaches the channel of its platform, Slack or Teams, as one notice in the email's words. */
class AlertChannelPosterTest {

    final RecordingChatPlatform slack = RecordingChatPlatform.slack();
    final RecordingChatPlatform teams = RecordingChatPlatform.teams();
    final AlertChannelPoster poster = new AlertChannelPoster(new ChatPlatforms(List.of(slack, teams)));
    final AlertMessage message = new AlertMessage("Security alert for acme: user reported", "The user said no.",
            List.of("Customer: acme", "End user: jdoe"), "Call the user.");

    @Test
    void slackAndTeamsGetTheSameNoticeInTheirOwnChannel() {
        assertThat(poster.post(new ChannelTarget("slack", "T1", "CALERTS", ""), message)).isTrue();
        assertThat(poster.post(new ChannelTarget("teams", "tenant-1", "19:alerts@thread.tacv2",
                "https://smba.example/"), message)).isTrue();

        assertThat(slack.notices).hasSize(1);
        assertThat(teams.notices).hasSize(1);
        var s = slack.notices.get(0);
        assertThat(s.where().platform()).isEqualTo(Platform.SLACK);
        assertThat(s.where().conversationId()).isEqualTo("CALERTS");
        assertThat(s.where().workspace()).isEqualTo("T1");
        assertThat(s.notice().title()).isEqualTo(message.title());
        assertThat(s.notice().tone()).isEqualTo(NoticeView.Tone.WARNING);
        assertThat(s.notice().lines()).containsExactly("The user said no.", "Customer: acme", "End user: jdoe",
                "What to do: Call the user.");
        var t = teams.notices.get(0);
        assertThat(t.where().serviceUrl()).isEqualTo("https://smba.example/");
        assertThat(t.where().conversationId()).isEqualTo("19:alerts@thread.tacv2");
        assertThat(t.notice()).isEqualTo(s.notice());
    }

    @Test
    void aFailedPostIsReportedSoThatTheNoticeStaysPending() {
        slack.failing(RecordingChatPlatform.Call.POST_NOTICE, "channel_not_found", "");
        assertThat(poster.post(new ChannelTarget("slack", "T1", "CGONE", ""), message)).isFalse();
        assertThat(slack.notices).isEmpty();
    }

    @Test
    void aPlatformThatIsNotConfiguredIsNotRetriedForever() {
        var slackOnly = new AlertChannelPoster(new ChatPlatforms(List.of(slack)));
        assertThat(slackOnly.post(new ChannelTarget("teams", "", "19:x@thread.tacv2", ""), message)).isTrue();
        assertThat(slack.notices).isEmpty();
    }
}
