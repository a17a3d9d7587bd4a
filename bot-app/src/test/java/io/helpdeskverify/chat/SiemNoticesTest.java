package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.chat.core.ChatPlatforms;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.directory.config.DirectoryProperties;
import io.helpdeskverify.siem.WebhookDestination;
import io.helpdeskverify.verification.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dead SIEM destination reaches every listed admin privately, on Slack and Teams alike, and nobody else. */
class SiemNoticesTest {

    final RecordingChatPlatform slack = RecordingChatPlatform.slack();
    final RecordingChatPlatform teams = RecordingChatPlatform.teams();
    final WebhookDestination destination = new WebhookDestination("wh_1", "https://siem.example.com/in",
            Optional.of("acme"), "", Instant.now(), "admin");

    @Test
    void everyAdminIsToldPrivatelyWhereTheirPlatformIsConfigured() {
        var notices = new SiemNotices(new ChatPlatforms(List.of(slack, teams)),
                new DirectoryProperties(List.of("slack:UADMIN", "teams:29:admin", "slack:UOTHER", "nonsense"), 7),
                new SiemNoticeProperties("T1", "CADMINS", "tenant-1", "https://smba.example/"));

        notices.destinationDead(destination, Duration.ofMinutes(12), "HTTP 503");

        assertThat(slack.told).extracting(t -> t.who().userId()).containsExactly("UADMIN", "UOTHER");
        assertThat(slack.told.get(0).who().conversation().conversationId()).isEqualTo("CADMINS");
        assertThat(slack.told.get(0).who().conversation().workspace()).isEqualTo("T1");
        assertThat(teams.told).extracting(t -> t.who().userId()).containsExactly("29:admin");
        assertThat(teams.told.get(0).who().conversation().serviceUrl()).isEqualTo("https://smba.example/");
        var text = (PrivateMessage.Notice) slack.told.get(0).message();
        assertThat(text.view().title()).contains("https://siem.example.com/in").contains("12 minutes");
        assertThat(String.join("\n", text.view().lines())).contains("wh_1").contains("acme").contains("HTTP 503");
        assertThat(teams.told.get(0).message()).isEqualTo(text);
        assertThat(slack.platform()).isEqualTo(Platform.SLACK);
    }

    @Test
    void withoutAConfiguredPlaceNobodyIsToldAndNothingBreaks() {
        var notices = new SiemNotices(new ChatPlatforms(List.of(slack, teams)),
                new DirectoryProperties(List.of("slack:UADMIN", "teams:29:admin"), 7),
                new SiemNoticeProperties("", "", "", ""));
        notices.destinationDead(destination, Duration.ofHours(3), "ConnectException");
        assertThat(slack.told).isEmpty();
        assertThat(teams.told).isEmpty();
    }

    @Test
    void aFailingPlatformDoesNotStopTheOthers() {
        slack.failing(RecordingChatPlatform.Call.TELL_PRIVATELY, "channel_not_found", "");
        var notices = new SiemNotices(new ChatPlatforms(List.of(slack, teams)),
                new DirectoryProperties(List.of("slack:UADMIN", "teams:29:admin"), 7),
                new SiemNoticeProperties("T1", "CADMINS", "tenant-1", "https://smba.example/"));
        notices.destinationDead(destination, Duration.ofMinutes(30), "HTTP 500");
        assertThat(teams.told).hasSize(1);
    }
}
