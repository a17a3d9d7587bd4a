package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.directory.AgentBatch;
import io.helpdeskverify.directory.AgentDirectorySync;
import io.helpdeskverify.directory.AgentImport;
import io.helpdeskverify.directory.EveryDirectorySync;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.config.DirectoryProperties;
import io.helpdeskverify.directory.store.DirectoryStoresForTests;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.support.RedisConnection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/** {@code /verify sync acme} for a customer whose Active Directory a directory agent pushes. */
@ExtendWith(RedisConnection.class)
class DirectorySyncCommandTest {

    @Test
    void anAdminIsToldTheAgentsLastPushWithItsRejectedCountAndLastSnapshot(StringRedisTemplate redis) {
        try (var world = new ChatWorld(redis)) {
            String slug = world.customer();
            var agents = DirectoryStoresForTests.agentState(redis, new StoredJson(ChatWorld.JSON));
            var external = new ExternalDirectory(world.repository, world.directory, world.clock);
            var push = new AgentImport(world.directory, external, agents, world.clock);
            var eve = new AgentBatch.User("0f2504e0-4f89-41d3-9a0c-0305e82c3399", Optional.of("eve"),
                    Optional.of("eve@acme.local"), Optional.of("Eve"), Optional.empty(), Optional.of("+1 202 555 0110"), true,
                    Optional.empty());
            push.push(slug, AgentBatch.snapshotPage("b-0", "s-1", 0, false, List.of(eve),
                    List.of(new AgentBatch.Unmapped("CN=WS-0042,OU=Staff,DC=acme,DC=local", "no 16-byte objectGUID"))));
            push.push(slug, AgentBatch.snapshotPage("b-1", "s-1", 1, true, List.of(), List.of()));
            var command = new DirectorySyncCommand(new EveryDirectorySync(List.of(
                    new AgentDirectorySync(world.directory, agents))), world.directory,
                    new DirectoryProperties(List.of("slack:UADMIN"), 7));

            var answer = command.run(world.slackRequest(world.slackTechnician("UADMIN", "ada"), "sync " + slug), slug);

            var view = ((PrivateMessage.Notice) answer).view();
            assertThat(view.title()).isEqualTo("Directory sync of Acme " + slug + ": the directory agent pushes on its own.");
            assertThat(view.lines().get(0)).startsWith("Directory agent: last push ")
                    .contains("(FULL): 1 added, 0 updated, 0 disabled, 1 rejected; last full pass ")
                    .doesNotContain("none yet");
            assertThat(String.join(" ", view.lines())).as("counts only in chat").doesNotContain("WS-0042");
        }
    }
}
