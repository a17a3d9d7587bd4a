package io.helpdeskverify.chat.teams;

import static io.helpdeskverify.chat.teams.TeamsFlowSupport.postedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.alerts.AlertChannels;
import io.helpdeskverify.alerts.AlertMessage;
import io.helpdeskverify.alerts.ChannelTarget;
import io.helpdeskverify.chat.teams.TeamsClient.Conversation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A security alert posted in a Teams alert channel goes through the real Teams adapter to the Bot
 * Connector as one new channel post with the alert's words (the service URL is this class's fake).
 */
class TeamsAlertChannelTest extends TeamsTestBase {

    @Autowired AlertChannels channels;

    @Test
    void anAlertIsOneNewPostInTheTeamsChannel() {
        var channel = Conversation.channel();
        var message = new AlertMessage("Security alert for acme: user reported",
                "The end user said they did not ask for this verification.", List.of("Customer: acme",
                "End user: jdoe"), "Call the user on a number you already know.");

        assertThat(channels.post(new ChannelTarget("teams", "tenant-1", channel.id(), fake.serviceUrl()), message))
                .isTrue();

        var posts = t.calls(c -> postedTo(c, channel));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).isNewConversation()).isTrue();
        assertThat(posts.get(0).card().toString()).contains("Security alert for acme")
                .contains("End user: jdoe").contains("What to do: Call the user");
    }
}
